import json, re, copy
from lib import *
def field_ref(d, path):
    parts = re.findall(r"(\w+)(?:\[(\d+)\])?", path)
    obj = d
    for name, idx in parts[:-1]:
        obj = obj[name]
        if idx: obj = obj[int(idx)]
    name, idx = parts[-1]
    if idx: return obj[name], int(idx)
    return obj, name
P = {}
def short(old, new):
    i = 0
    while i < min(len(old), len(new)) and old[i] == new[i]: i += 1
    j = 0
    while j < min(len(old), len(new)) - i and old[-1 - j] == new[-1 - j]: j += 1
    # widen to whole words
    a = i
    while a > 0 and new[a - 1] not in " ,;(": a -= 1
    b = len(new) - j; c = len(old) - j
    while b < len(new) and new[b] not in " ,;).": b += 1
    while c < len(old) and old[c] not in " ,;).": c += 1
    return new[a:b], old[a:c]
def p(aid, *errs): P[aid] = errs
FS, FM, QD, QM, DU, NI = "figure_swapped", "figure_misremembered", "quote_drifted", "quote_misattributed", "date_unsupported", "name_invented"
p("mg22-tt",
 (FS, "key_points[1]", "At least 15 people were buried; seven", "At least 15 people were buried; four", "The toll (four dead) given as the number recovered (seven)."),
 (DU, "timeline[0].date", "2022-07-03", "2022-07-02", "The page says 'am Sonntag', 3 July; dated the day before."),
 (NI, "key_points[2]", "According to the mountain rescue service,", "According to mountain rescue spokesman Walter Cainelli,", "A spokesman the page never names."))
p("mg22-corrieredellosport",
 (FM, "summary", "six dead, eight injured", "six dead, nine injured", "Eight injured misremembered as nine."),
 (QD, "quotes[0].text", "Non è la solita valanga invernale", "Non è la classica valanga invernale", "'solita' drifted to 'classica'."),
 (NI, "key_points[1]", "The disaster happened below Punta Rocca", "Rescue chief Giorgio Gajer said the disaster happened below Punta Rocca", "An official the page never names."))
p("mg22-yenisafak",
 (FS, "key_points[4]", "within 25-30 years", "within 20 years", "The number missing (about 20) as the glacier's remaining years."),
 (QM, "quotes[0].speaker", "Mario Draghi", "Mario Draghi", None),
 (DU, "timeline[1].date", "2022-07-04", "2022-07-05", "Monday morning is 4 July; shifted a day."))
P["mg22-yenisafak"] = (P["mg22-yenisafak"][0],
 (QD, "quotes[0].text", "deepest condolences", "heartfelt condolences", "'deepest' drifted to 'heartfelt'."), P["mg22-yenisafak"][2])
p("mg22-stimme",
 (FM, "key_points[1]", "more than 3,340 metres", "more than 3,430 metres", "Digits transposed."),
 (DU, "timeline[1].date", "2022-07-06", "2022-07-07", "'am Mittwoch' is 6 July; given as Thursday."),
 (NI, "key_points[3]", "Experts have a suspicion", "Glaciologist Renato Colucci has a suspicion", "An expert the page never names."))
p("mg22-italianinsider",
 (FS, "key_points[2]", "a 54-year-old street trader", "a 9-year-old street trader", "The toll (nine) given as the victim's age."),
 (FM, "key_points[5]", "two of them in critical condition", "three of them in critical condition", "Two critical misremembered as three."),
 (DU, "timeline[0].date", "2022-07-05", "2022-07-04", "Tuesday is 5 July; dated Monday."))
p("esc21-gulfnews",
 (FS, "key_points[1]", "25 more than France's Barbara Pravi", "31 more than France's Barbara Pravi", "The years since Italy's last win (31) as the margin (25)."),
 (QM, "quotes[0].speaker", "Damiano David", "Barbara Pravi", None),
 (DU, "timeline[0].date", "2021-05-22", "2021-05-23", "The final was Saturday, May 22, 2021."))
p("esc21-ondarock",
 (FM, "key_points[2]", "first with 318 points", "first with 381 points", "Digits transposed."),
 (FS, "key_points[1]", "third with 432", "third with 499", "France's score (499) given to Switzerland."),
 (NI, "key_points[4]", "The band came second on X-Factor Italia in 2017", "The band, managed by Marta Donà, came second on X-Factor Italia in 2017", "A manager the page never names."))
p("esc21-facemagazine",
 (QD, "quotes[0].text", "Rock’n’roll never die", "Rock’n’roll will never die", "Words added to the quote."),
 (DU, "timeline[1].date", "1990", "1992", "Cutugno's win (1990) dated by his song's title, 'Insieme: 1992' (not in this article): unsupported."),
 (NI, "key_points[4]", "the candidate cities are Rome", "Culture Minister Dario Franceschini said the candidate cities are Rome", "A minister the page never names."))
p("esc21-nd",
 (FS, "key_points[1]", "finished 23rd of 26 countries", "finished 31st of 26 countries", "The years since Italy's last win (31) as Macrooy's place."),
 (FM, "key_points[2]", "Gigliola Cinquetti in 1964", "Gigliola Cinquetti in 1966", "1964 misremembered as 1966."),
 (NI, "key_points[4]", "after Germany in 2010", "after Germany's Lena Meyer-Landrut in 2010", "A singer the page never names."))
p("esc22-wantedinrome",
 (FS, "key_points[0]", "631 points, 439 of them", "631 points, 165 of them", "The margin over Ryder (165) as the public vote."),
 (QM, "quotes[2].speaker", "Ursula von der Leyen", "Volodymyr Zelenskiy", None),
 (DU, "timeline[1].date", "2003", "2004", "Ukraine debuted in 2003; 2004 was its first win (not in this article)."))
p("esc22-esctoday",
 (FS, "key_points[3]", "283 points", "192 points", "Ukraine's jury points (192) as the UK's jury total."),
 (FM, "key_points[1]", "juries 192, for a total of 631", "juries 192, for a total of 613", "Digits transposed."),
 (NI, "key_points[4]", "Commentator Timur Miroshnychenko", "Commentators Timur Miroshnychenko and Serhiy Prytula", "A second commentator the page never names."))
p("esc22-rainews",
 (FM, "summary", "gave them 433 points", "gave them 443 points", "433 misremembered as 443."),
 (DU, "event.when", None, "2022-05-15", "The page names no day; the final was on 14 May."),
 (NI, "key_points[0]", "Kalush Orchestra won Eurovision 2022", "Kalush Orchestra, fronted by rapper Tymofii Muzychuk, won Eurovision 2022", "A band member the page never names."))
p("esc22-muensterschezeitung",
 (FS, "key_points[1]", "in 28 of the 39 other countries", "in 12 of the 39 other countries", "The points (12) given as the number of countries."),
 (QM, "quotes[1].speaker", "Oleh Psjuk", "Sam Ryder", None),
 (DU, "timeline[1].date", "2022-05-15", "2022-05-16", "The night to Sunday is 15 May; shifted."))
p("esc23-tbsnews",
 (DU, "timeline[0].date", "2023-05-13", "2023-05-12", "'on Saturday' is 13 May 2023; dated Friday."),
 (QM, "quotes[0].speaker", "Loreen", "Käärijä", None),
 (NI, "key_points[2]", "Finland's Käärijä came second", "Finland's Käärijä, coached by Jere Pöyhönen, came second", "A name the page never gives."))
p("esc23-mreurovision",
 (FS, "key_points[4]", "Israel (177)", "Israel (362)", "Israel's final total as its jury points."),
 (FM, "key_points[2]", "Sweden scored 583 points", "Sweden scored 538 points", "Digits transposed."),
 (DU, "timeline[0].date", "2023-05-14", "2023-05-12", "The review is dated 14 May 2023."))
p("esc23-abendblatt",
 (FS, "key_points[3]", "got three jury points, the first two from Iceland, and 18 from viewers", "got two jury points, the first two from Iceland, and 18 from viewers", "Iceland's two points as the jury total (three)."),
 (DU, "timeline[0].date", "2023-05-14", "2023-05-15", "1.02 a.m. is on Sunday 14 May; dated Monday."),
 (NI, "key_points[2]", "hosted by the UK for last year's winner Ukraine", "hosted by Graham Norton for last year's winner Ukraine", "A presenter this page never names."))
p("esc23-derchotv",
 (FS, "key_points[2]", "Käärijä had 150 from the juries", "Käärijä had 340 from the juries", "Loreen's jury points given to Käärijä."),
 (FM, "summary", "26th and last with only 18 points", "26th and last with only 16 points", "18 misremembered as 16."),
 (DU, "timeline[0].date", "2012", "2013", "Loreen's first win was in 2012."))
p("bx13-tennessean",
 (FM, "key_points[1]", "The 85-year-old", "The 86-year-old", "85 misremembered as 86."),
 (QD, "quotes[2].text", "It's a decision he has pondered.", "It's a decision he has long pondered.", "A word added."),
 (QM, "quotes[3].speaker", "Georg Ratzinger", "Federico Lombardi", None))
p("bx13-stol",
 (FS, "key_points[2]", "the cardinals are to choose the 266th pope", "the cardinals are to choose the 265th pope", "Benedict's number (265th) as his successor's."),
 (QM, "quotes[0].speaker", "Angelo Sodano", "Federico Lombardi", None),
 (NI, "key_points[0]", "Benedict XVI announced his resignation personally in Latin on Monday", "Benedict XVI announced his resignation personally in Latin on Monday, Cardinal Tarcisio Bertone at his side", "A cardinal the page never names."))
p("bx13-abitarearoma",
 (FM, "key_points[0]", "ANSA ran the news at 11.45", "ANSA ran the news at 11.15", "11.45 misremembered as 11.15."),
 (QD, "quotes[2].text", "Sono scosso dalla notizia inattesa", "Sono scosso dalla notizia improvvisa", "'inattesa' drifted to 'improvvisa'."),
 (DU, "timeline[1].date", "2013-02-28", "2013-02-27", "The pope set 28 February."))
p("bx22-irishexaminer",
 (FS, "key_points[3]", "1.2 billion-strong Church he had led for eight years", "1.2 billion-strong Church he had led for 95 years", "His age as the years he led the Church."),
 (DU, "timeline[1].date", "2013-02-11", "2013-02-28", "The page dates the announcement February 11 2013; 28 February (the effective day) is not in it."),
 (NI, "key_points[1]", "Vatican spokesman Matteo Bruni said", "Vatican spokesman Matteo Bruni and Archbishop Georg Gänswein said", "A secretary the page never names."))
p("bx22-thetimes",
 (FM, "key_points[3]", "on January 5", "on January 6", "5 misremembered as 6."),
 (QD, "quotes[0].text", "With pain I inform", "With sorrow I inform", "'pain' drifted to 'sorrow'."),
 (QM, "quotes[0].speaker", "Matteo Bruni", "Pope Francis", None))
P["bx22-thetimes"] = (P["bx22-thetimes"][0], P["bx22-thetimes"][1],
 (NI, "key_points[2]", "Vatican spokesman Matteo Bruni said", "Vatican secretary of state Pietro Parolin said", "An official the page never names."))
p("bx22-nord24",
 (FS, "key_points[3]", "the first pope in more than 700 years", "the first pope in more than 95 years", "His age as the years since the last resignation."),
 (QM, "quotes[0].speaker", "Matteo Bruni", "Jorge Bergoglio", None),
 (DU, "timeline[1].date", "2005-04-19", "2005-04-20", "The page says 19 April 2005."))
p("bx22-perugiatoday",
 (FM, "key_points[1]", "after an 8-year pontificate", "after a 9-year pontificate", "8 misremembered as 9."),
 (QD, "quotes[1].text", "Con dolore informo", "Con grande dolore informo", "A word added."),
 (NI, "key_points[4]", "announced by Holy See press office director Matteo Bruni", "announced by Holy See press office director Matteo Bruni and Cardinal Giovanni Battista Re", "A cardinal the page never names."))
for aid, errs in P.items():
    faithful = json.load(open(f"{ROOT}/briefings/{aid}.json"))
    bad = copy.deepcopy(faithful); out = []
    for kind, path, old, new, note in errs:
        obj, key = field_ref(bad, path)
        cur = obj[key]
        if kind == QM:
            correct = cur; obj[key] = new; wrong = new
            note = f"{cur}'s words given to {new}, whom the article also names."
        elif old is None:
            assert cur is None; obj[key] = new; wrong = new; correct = None
        else:
            assert old in cur, (aid, path, old, cur)
            obj[key] = cur.replace(old, new)
            # the shortest distinguishing piece of the wrong text
            wrong, correct = short(old, new)
            if kind == NI:
                names = re.findall(r"(?:[A-Z][\w’'-]+|de|von|der)(?: (?:[A-Z][\w’'-]+|de|von|der))+", new)
                invented = [n for n in names if not any(w in old for w in n.split())]
                wrong = max(invented, key=len); correct = old
            elif len(wrong) < 4 or (len(wrong) < 6 and wrong.isalpha() and kind.startswith("figure")):
                wrong, correct = new, old
            if wrong in json.dumps(faithful, ensure_ascii=False):
                wrong, correct = new, old
        out.append({"kind": kind, "field": path, "wrong": wrong, "correct": correct, "note": note})
    save("planted", aid, bad)
    with open(f"{ROOT}/planted/{aid}.errors.json", "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=2); f.write("\n")
print(len(P))
