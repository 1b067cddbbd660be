from lib import *
S = "styles/terse"
def t(aid, head, summ, pts, ents, quotes, tl, topics, what, where, when):
    save(S, aid, B(head, summ, pts, ents, quotes, tl, [], topics, what, where, when))
t("mg22-tt","Marmolada ice collapse kills four","An ice slab collapsed on the Marmolada on Sunday, killing four; at least 15 buried.",
  ["Four dead on the Marmolada.","At least 15 buried, seven recovered."],[E("Marmolada","place","site")],[],[],["glacier collapse"],"Marmolada ice collapse","Marmolada",None)
t("mg22-corrieredellosport","Six dead in Marmolada serac collapse","Provisional toll: six dead, eight injured, about ten missing.",
  ["Six dead, eight injured (one seriously), about ten missing.","Avalanche hit roped parties below Punta Rocca."],[E("Marmolada","place","site"),E("Punta Rocca","place","collapse point")],
  [Q("è la natura","one of the rescuers","on the avalanche")],[],["glacier collapse"],"Marmolada serac collapse","Marmolada",None)
t("mg22-yenisafak","Dolomites glacier collapse: six dead, 20 missing","At least six killed, eight injured and about 20 missing after a glacier collapse on the Marmolada.",
  ["At least six dead, about 20 missing.","Draghi to visit Canazei.","Experts point to record heat."],[E("Draghi","person","prime minister"),E("Marmolada","place","site")],[],[],["glacier collapse","climate"],"Marmolada glacier collapse","Dolomites, Italy",None)
t("mg22-stimme","Glacier collapse kills at least nine","At least nine died in Sunday's glacier collapse on the Marmolata; the search goes on.",
  ["At least nine dead.","Drones searched on Wednesday."],[E("Marmolata","place","site"),E("Canazei","place","nearby town")],[],[],["glacier collapse"],"Marmolata glacier collapse","near Canazei",None)
t("mg22-italianinsider","Marmolada toll rises to nine","The Marmolada glacier toll rose to nine, with three missing.",
  ["Nine dead, three missing.","Eight seriously injured.","Relative blames authorities for lack of warning device."],[E("Budel","person","refuge manager"),E("Campagnaro","person","victim's sister")],[],[],["glacier collapse"],"Marmolada glacier collapse","Marmolada",None)
t("esc21-gulfnews","Italy's Maneskin win Eurovision","Maneskin won Eurovision in Rotterdam with 524 points.",
  ["524 points, 25 ahead of France.","Italy's third win, first since 1990."],[E("Maneskin","organization","winners"),E("Pravi","person","France, second")],
  [Q("rock 'n' roll never dies!","David","accepting the prize")],[T("May 22, 2021","2021-05-22","Final won.")],["eurovision"],"Eurovision final","Rotterdam","2021-05-22")
t("esc21-ondarock","Måneskin win Eurovision 2021","Måneskin won with 524 points, ahead of France and Switzerland.",
  ["524 points; Pravi 499, Gjon's Tears 432.","Televote decisive: 318 points."],[E("Måneskin","organization","winners")],[],[],["eurovision"],"Eurovision 2021","Rotterdam",None)
t("esc21-facemagazine","Måneskin win Eurovision","Måneskin won Eurovision 2021 in Rotterdam on the televote.",
  ["Italy's third win.","Italy hosts next year."],[E("Måneskin","organization","winners")],[],[],["eurovision"],"Eurovision 2021","Rotterdam",None)
t("esc22-wantedinrome","Ukraine wins Eurovision 2022","Kalush Orchestra won in Turin with 631 points; Italy sixth.",
  ["631 points, 439 from the public.","Ukraine to host next year."],[E("Kalush Orchestra","organization","winners"),E("Zelenskiy","person","president")],[],[],["eurovision"],"Eurovision 2022","Turin",None)
t("esc22-esctoday","Kalush Orchestra win Eurovision","Ukraine won with 631 points: 439 public, 192 jury.",
  ["631 points in total.","UK topped the jury vote with 283."],[E("Kalush Orchestra","organization","winners")],[],[T("May 14, 2022","2022-05-14","Ukraine's official account congratulated the band.")],["eurovision"],"Eurovision 2022","Turin",None)
t("esc22-rainews","Kalush Orchestra win Eurovision","Ukraine won on the public vote after placing fourth with the juries.",
  ["Public gave 433 points.","Italy sixth."],[E("Kalush Orchestra","organization","winners")],[],[],["eurovision"],"Eurovision 2022","Turin",None)
t("esc22-muensterschezeitung","Ukraine wins ESC; Germany last","Ukraine won with 631 points on a record public vote; Germany came last.",
  ["12 public points from 28 of 39 countries.","631 vs Ryder's 466."],[E("Psjuk","person","singer"),E("Ryder","person","second")],[],[],["eurovision"],"Eurovision 2022","Turin",None)
t("esc23-tbsnews","Loreen wins Eurovision 2023","Sweden's Loreen won in Liverpool, the first woman to win twice.",
  ["Käärijä second after winning the viewer vote."],[E("Loreen","person","winner"),E("Käärijä","person","second")],[Q("I am seriously overwhelmed,","Loreen","to reporters")],[],["eurovision"],"Eurovision 2023","Liverpool",None)
t("esc23-mreurovision","Loreen wins second Eurovision","Sweden won with 583 points, ahead of Finland (526) and Israel (362).",
  ["Jury vote: Sweden 340.","Käärijä 376 from the public."],[E("Loreen","person","winner"),E("Käärijä","person","second")],[],[T("14 May 2023","2023-05-14","Grand final review.")],["eurovision"],"Eurovision 2023","Liverpool",None)
t("esc23-abendblatt","Sweden wins ESC; Germany last","Loreen won with 583 points; Germany last with 3 jury and 18 public points.",
  ["Sweden's seventh win.","Germany last again."],[E("Loreen","person","winner"),E("Lord Of The Lost","organization","Germany")],[],[],["eurovision"],"Eurovision 2023","Liverpool",None)
t("esc23-derchotv","Sweden wins ESC 2023","Loreen won; Germany last with 18 points.",
  ["Käärijä second, Kirel third.","Germany 26th with 18 points."],[E("Loreen","person","winner")],[],[],["eurovision"],"Eurovision 2023","Liverpool",None)
t("bx13-tennessean","Pope Benedict to resign","Benedict XVI, 85, will resign on Feb. 28, citing age.",
  ["First pope in 600 years to resign.","New pope expected before Easter."],[E("Benedict","person","pope"),E("Lombardi","person","spokesman")],
  [Q("It's a decision he has pondered.","Lombardi","news conference")],[T("Feb. 28","2013-02-28","Resignation effective.")],["vatican"],"papal resignation","Vatican City",None)
t("bx13-stol","Pope Benedict resigns","Benedict XVI announced his resignation, citing advanced age.",
  ["Vacancy from 28 February, 20:00.","New pope by Easter."],[E("Benedikt XVI.","person","pope"),E("Sodano","person","cardinal")],[Q("Blitz aus heiterem Himmel","Sodano","on the resignation")],
  [T("28. Februar","2013-02-28","See becomes vacant.")],["vatican"],"papal resignation","Vatican",None)
t("bx13-abitarearoma","Benedict XVI resigns","Benedict XVI announced his resignation in Latin at a consistory.",
  ["Pontificate ends 28 February.","Conclave to follow."],[E("Benedetto XVI","person","pope")],[],[T("11 febbraio 2013","2013-02-11","Resignation announced.")],["vatican"],"papal resignation","Vatican","2013-02-11")
t("bx22-irishexaminer","Benedict XVI dies at 95","Pope Emeritus Benedict XVI died aged 95.",
  ["Died at 9:34 in the Vatican.","First pope in 600 years to resign."],[E("Benedict XVI","person","died"),E("Bruni","person","spokesman")],[],[T("February 11 2013","2013-02-11","Resignation announced.")],["vatican"],"death of Benedict XVI","Vatican",None)
t("bx22-thetimes","Benedict XVI dies aged 95","Benedict XVI died at 95; funeral on January 5.",
  ["Lies in state from Monday.","Francis to preside at funeral."],[E("Benedict XVI","person","died"),E("Francis","person","pope")],[],[T("January 5","2023-01-05","Funeral.")],["vatican"],"death of Benedict XVI","Vatican",None)
t("bx22-nord24","Benedict XVI dies","Benedict XVI died on 31 December 2022, aged 95.",
  ["Died at 9:34 in Mater Ecclesiae.","Resigned almost eight years after election."],[E("Benedikt XVI.","person","died")],[],[T("31.12.2022","2022-12-31","Death.")],["vatican"],"death of Benedict XVI","Vatican","2022-12-31")
t("bx22-perugiatoday","Benedict XVI dies at 95","Joseph Ratzinger died aged 95; body in St Peter's from 2 January.",
  ["Died at 9:34.","Lies in state from 2 January 2023."],[E("Ratzinger","person","died")],[],[T("lunedì 2 gennaio 2023","2023-01-02","Body in St Peter's.")],["vatican"],"death of Benedict XVI","Vatican",None)
