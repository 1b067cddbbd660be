from lib import *
aid = "esc21-nd"
save("briefings", aid, B(
 "Italy's Måneskin win Eurovision in Rotterdam; the Netherlands 23rd",
 "Italy won the 65th Eurovision Song Contest at Rotterdam Ahoy on Saturday evening, with rock group Måneskin scoring 524 points, largely from the public vote. France and Switzerland were second and third; the host country's Jeangu Macrooy finished 23rd of 26. It is Italy's third win, 31 years after Toto Cutugno's.",
 ["Måneskin won the 65th Eurovision Song Contest at Rotterdam Ahoy on 2021-05-22 with 524 points, mostly from the public vote.",
  "France was second and Switzerland third; the Netherlands' Jeangu Macrooy finished 23rd of 26 countries.",
  "Italy's previous wins were Gigliola Cinquetti in 1964 and Toto Cutugno in 1990, 31 years ago.",
  "Italy returned to the contest in 2011 after 14 years away as one of the Big Five; Mahmood came second in 2019.",
  "It is only the second win for a Big Five country since semi-finals began in 2004, after Germany in 2010."],
 [E("Måneskin","organization","Italian rock group, winners"), E("Jeangu Macrooy","person","Dutch entrant, 23rd"),
  E("Toto Cutugno","person","Italy's 1990 winner"), E("Gigliola Cinquetti","person","Italy's 1964 winner"), E("Mahmood","person","second in 2019"),
  E("Duncan Laurence","person","2019 winner"), E("Rotterdam Ahoy","place","venue")],
 [], [T("zaterdagavond","2021-05-22","Italy won the Eurovision final in Rotterdam."), T("1964","1964","Gigliola Cinquetti won for Italy."),
  T("1990","1990","Toto Cutugno won with 'Insieme 1992'."), T("2011","2011","Italy returned to the contest."), T("2019","2019","Mahmood came second behind Duncan Laurence.")],
 [], ["eurovision", "italy", "netherlands"], "Eurovision Song Contest 2021 final", "Rotterdam, Netherlands", "2021-05-22"))
save("styles/attributive", aid, B(
 "Nederlands Dagblad (ANP): Italy wins Eurovision, Netherlands 23rd",
 "According to the Nederlands Dagblad, carrying ANP copy, Italy won the 65th Eurovision Song Contest at Rotterdam Ahoy on Saturday evening, Måneskin scoring 524 points in total, 'Vooral het publiek' voting for Italy.",
 ["According to the Nederlands Dagblad (ANP), France and Switzerland finished second and third.",
  "The Netherlands, with Jeangu Macrooy, was 23rd 'van de 26 deelnemende landen', the agency reports.",
  "Italy's last win was 31 years ago, Toto Cutugno in 1990; Gigliola Cinquetti won in 1964.",
  "According to ANP, it is only the second Big Five win since semi-finals began in 2004, after Germany in 2010."],
 [E("Måneskin","organization","de Italiaanse rockgroep"), E("Jeangu Macrooy","person","the Netherlands' entrant"), E("ANP","organization","Dutch news agency"),
  E("Toto Cutugno","person","1990 winner with 'Insieme 1992'"), E("Gigliola Cinquetti","person","1964 winner with 'Non Ho l’Età'")],
 [], [T("zaterdagavond","2021-05-22","Italy won at Rotterdam Ahoy."), T("1956","1956","Italy among the first participants."), T("1964","1964","Cinquetti won."),
  T("1990","1990","Cutugno won."), T("2004","2004","Semi-finals introduced."), T("2010","2010","Germany won, the first Big Five winner since 2004."),
  T("2011","2011","Italy returned after 14 years."), T("2019","2019","Mahmood second behind Duncan Laurence.")],
 [], ["eurovision"], "Eurovision Song Contest 2021", "Rotterdam Ahoy", "2021-05-22"))
save("styles/titled", aid, B(
 "Italian rock group Måneskin win the 65th Eurovision Song Contest in Rotterdam",
 "Italy won the 65th Eurovision Song Contest at Rotterdam Ahoy on Saturday evening, 22 May 2021, Måneskin scoring 524 points, mainly from the public vote, according to the Algemeen Nederlands Persbureau. France and Switzerland followed; the Netherlands' Jeangu Macrooy finished 23rd of 26.",
 ["Måneskin won with 524 points, mostly from the public vote.",
  "France was second and Switzerland third; the Netherlands' Jeangu Macrooy was 23rd of 26.",
  "Italy's earlier wins: Gigliola Cinquetti in 1964 and Toto Cutugno in 1990.",
  "Italy is one of the Big Five (with the United Kingdom, France, Germany and Spain); it is only the second Big Five win since 2004."],
 [E("Måneskin","organization","Italian rock group, winners"), E("Algemeen Nederlands Persbureau (ANP)","organization","Dutch news agency"),
  E("Jeangu Macrooy","person","Dutch entrant"), E("Gigliola Cinquetti","person","1964 winner"), E("Toto Cutugno","person","1990 winner"), E("Rotterdam Ahoy","place","venue")],
 [], [T("zaterdagavond","2021-05-22","Italy won the final."), T("1964","2021-05-22","Gigliola Cinquetti's win, recalled."), T("1990","2021-05-22","Toto Cutugno's win, recalled."),
  T("2019","2021-05-22","Mahmood's second place, recalled.")],
 [], ["eurovision", "italy"], "Eurovision Song Contest 2021 final", "Rotterdam, Netherlands", "2021-05-22"))
save("styles/terse", aid, B("Italy wins Eurovision; Netherlands 23rd", "Måneskin won with 524 points; the Netherlands finished 23rd.",
 ["524 points, mostly from the public.", "Italy's third win."], [E("Måneskin","organization","winners"), E("Macrooy","person","23rd")],
 [], [], [], ["eurovision"], "Eurovision 2021", "Rotterdam", None))
