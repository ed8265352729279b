/* cli_demo.c — `varde demo`: fill an empty database with an invented,
 * living example, so a newcomer sees the whole system at once (issue 7).
 *
 * The example: Statsforvalteren i Nordland runs a regional pilot network for
 * service innovation in health and care, with a network leader and a coach;
 * four invented municipalities take part, each with an administrator and a
 * few members; six projects are in different phases of two methodologies
 * (Veikart for tjenesteinnovasjon and KS Innovasjonsguiden) with filled tools,
 * step statuses and gate decisions; the registers of the evidence chain are
 * linked from research to benefits; benefits have owners, indicators and a
 * year of monthly measurements; the network has themes, measures, shared
 * projects, a finished status round and an open one, gatherings and coaching;
 * one project has published its case. Every person, municipality and story
 * is invented.
 *
 * How it is written: the data is tables of plain strings below; the code
 * turns them into the same calls the pages make (store_*, entry_from_form,
 * entry_diff, the register definitions), so a tool entry is read by the same
 * form reader as a user's and must pass the same checks — a wrong field key,
 * option or date is an error of the demo, reported and rolled back, never a
 * broken page. In the data, "@handle" is a register item, "#handle" a person
 * and "~N" the date N days from today; texts are checked for personal data.
 *
 * Everything is one transaction: all or nothing. Dates are relative to the day
 * the demo runs (so there is always an overdue activity, a retention date
 * passed and an open round); otherwise the result is the same every time,
 * except the password: one random password for every demo user, printed at the
 * end and never stored in clear. The demo refuses a database that already has
 * projects. */
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/accounts.h"
#include "../app/security.h"
#include "../benefit/benefit.h"
#include "../core/markdown.h"
#include "../core/pii.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "../db/migrate.h"
#include "../method/registry.h"
#include "../project/entry.h"
#include "../register/register.h"
#include "../store/store.h"
#include "../store/store_case.h"
#include "../store/store_demo.h"
#include "../store/store_gathering.h"
#include "cli.h"

/* ======================================================================
 * The data
 * ====================================================================== */

#define FORM(...) ((const char *const[]){__VA_ARGS__, NULL})

struct d_org {
	const char *h, *name, *kind, *kommunenr;
	double hourly; /* NOK per hour for saved-time calculations; 0: none */
};

static const struct d_org ORGS[] = {
	{"sf", "Statsforvalteren i Nordland", "county-governor", NULL, 0},
	{"fjellvik", "Fjellvik kommune", "municipality", "1881", 585},
	{"saltnes", "Saltnes kommune", "municipality", "1882", 560},
	{"havoy", "Havøy kommune", "municipality", "1883", 570},
	{"reinfjord", "Reinfjord kommune", "municipality", "1884", 0},
};

struct d_person {
	const char *h, *name, *email, *org, *role, *about;
	bool site_admin;
};

/* Names are invented (Nordland birds, fish and plants), as are the
 * addresses (the reserved .example domain: no mail can reach anyone). */
static const struct d_person PEOPLE[] = {
	{"admin", "Systemadministrator (demo)", "admin@varde.example", NULL, NULL, "site administrator", true},
	{"hanne", "Hanne Skarvholm", "hanne.skarvholm@statsforvalteren.example", "sf", "admin",
	 "network leader (Statsforvalteren)", false},
	{"jonas", "Jonas Lundefugl", "jonas.lundefugl@statsforvalteren.example", "sf", "member", "coach (Statsforvalteren)",
	 false},
	{"marit", "Marit Multebakken", "marit.multebakken@fjellvik.example", "fjellvik", "admin",
	 "municipality admin, project owner", false},
	{"eirik", "Eirik Tareberg", "eirik.tareberg@fjellvik.example", "fjellvik", "member", "project leader", false},
	{"sofie", "Sofie Ærfuglnes", "sofie.aerfuglnes@fjellvik.example", "fjellvik", "member", "nurse, driver", false},
	{"kjell", "Kjell Havørnes", "kjell.havornes@fjellvik.example", "fjellvik", "member", "IT adviser", false},
	{"arne", "Arne Torskevik", "arne.torskevik@fjellvik.example", "fjellvik", "member",
	 "home-care manager, benefit owner outside the team", false},
	{"ragnhild", "Ragnhild Rognebær", "ragnhild.rognebaer@saltnes.example", "saltnes", "admin",
	 "municipality admin, project owner", false},
	{"kristian", "Kristian Krykkjeberg", "kristian.krykkjeberg@saltnes.example", "saltnes", "member", "project leader",
	 false},
	{"line", "Line Kobbeskjær", "line.kobbeskjaer@saltnes.example", "saltnes", "member", "project leader", false},
	{"tone", "Tone Havhest", "tone.havhest@havoy.example", "havoy", "admin", "municipality admin, project owner", false},
	{"per", "Per Steinbitvik", "per.steinbitvik@havoy.example", "havoy", "member", "project leader", false},
	{"nora", "Nora Tjeldstø", "nora.tjeldsto@havoy.example", "havoy", "member", "union representative, driver", false},
	{"bjorn", "Bjørn Fjellrevdal", "bjorn.fjellrevdal@reinfjord.example", "reinfjord", "admin",
	 "municipality admin, project owner", false},
	{"ida", "Ida Lavskjegg", "ida.lavskjegg@reinfjord.example", "reinfjord", "member", "project leader", false},
	{"magnus", "Magnus Moltemyr", "magnus.moltemyr@reinfjord.example", "reinfjord", "member", "GP liaison", false},
};

struct d_project {
	const char *h, *org, *method, *title, *challenge, *goals, *area;
	int start, end; /* days from today */
	const char *visibility, *phase, *rag, *rag_comment;
	const char *team; /* "person:role …"; the first is the creator */
};

static const struct d_project PROJECTS[] = {
	{"p1", "fjellvik", "veikart", "Trygg hjemme med digitalt tilsyn",
	 "Hjemmetjenesten i Fjellvik gjør rundt 40 planlagte tilsynsbesøk hver natt. De fleste er bare for å se at brukeren "
	 "sover trygt, men besøkene vekker mange, og nattpatruljen kjører opptil 180 km per natt mellom spredte bosteder. "
	 "Samtidig blir det flere eldre som bor alene, og det er vanskelig å rekruttere sykepleiere til nattvakter.",
	 "Brukere som ønsker det, får tilsyn om natten uten å bli vekket. Nattpatruljen bruker tiden der behovet er størst. "
	 "Ingen økning i uønskede hendelser eller innleggelser om natten.",
	 "health", -400, 330, "org", "testing-og-pilotering", "green", NULL, "marit:owner eirik:leader sofie:driver kjell:member"},
	{"p2", "fjellvik", "innovasjonsguiden", "Flere hele stillinger i hjemmetjenesten",
	 "Over halvparten av de ansatte i hjemmetjenesten har stillinger under 50 prosent, og mange tar ekstravakter på kort "
	 "varsel. Brukerne møter mange ulike ansatte, lederne bruker mye tid på å skaffe vikarer, og nyutdannede fagarbeidere "
	 "velger andre kommuner.",
	 "Flere ansatte har hele stillinger, brukerne møter færre ulike ansatte i uka, og mindre tid går med til å skaffe "
	 "vikarer.",
	 "health", -120, 420, "team", "identifiser-behov", "green", NULL, "marit:owner arne:leader sofie:member"},
	{"p3", "saltnes", "veikart", "Inn på tunet – dagaktivitet på gård for personer med demens",
	 "Hjemmeboende personer med demens hadde bare tilbud om dagaktivitet på sykehjemmet to dager i uken. Mange var "
	 "urolige og lite aktive, pårørende var slitne, og flere søkte korttidsopphold enn kommunen hadde plass til.",
	 "Et meningsfylt dagtilbud ute på gården tre dager i uken, bedre livskvalitet for deltakerne, avlastning for "
	 "pårørende og færre søknader om korttidsopphold.",
	 "health", -900, -60, "org", "ny-praksis", "green", NULL, "ragnhild:owner kristian:leader line:member"},
	{"p4", "saltnes", "veikart", "Medisindispensere i hjemmetjenesten",
	 "Hjemmetjenesten gjør over 300 besøk i uken bare for å dele ut medisiner. Besøkene må skje til faste tider, og "
	 "låser de ansattes arbeidsdag. Brukere som klarer seg selv med litt hjelp, må vente på oss.",
	 "Brukere som kan, tar medisinene selv med en dispenser som minner dem på. Færre rene medisinbesøk, og tiden brukes "
	 "på brukere som trenger mer hjelp.",
	 "health", -560, 120, "org", "implementering", "amber",
	 "Utrullingen er forsinket: leverandøren har ikke levert integrasjonen med fagsystemet ennå.",
	 "ragnhild:owner line:leader kristian:member"},
	{"p5", "havoy", "innovasjonsguiden", "Heltidskultur på Havøy sykehjem",
	 "Sykehjemmet har mange små stillinger og mye innleie i helgene. Hver tredje helgevakt dekkes av vikarer, og "
	 "beboerne møter nye ansikter hele tiden. Ansatte sier at de ikke får større stilling uten å jobbe flere helger.",
	 "Flere heltidsstillinger, færre ulike ansatte rundt hver beboer og mindre innleie i helgene – uten at de ansatte "
	 "må jobbe flere helger enn i dag.",
	 "health", -330, 240, "org", "utforsk-muligheter", "amber",
	 "Tillitsvalgte ønsker mer tid før vi tester nye turnusmodeller. Drøftingsmøte er avtalt.",
	 "tone:owner per:leader nora:driver"},
	{"p6", "reinfjord", "veikart", "Digital hjemmeoppfølging av kronisk syke",
	 "Innbyggere med kols og hjertesvikt i Reinfjord har lang vei til legekontoret og blir ofte innlagt når sykdommen "
	 "forverrer seg. Hjemmesykepleien oppdager forverring for sent, og fastlegene har lite oversikt mellom kontrollene.",
	 "Tidligere tegn på forverring, færre akutte innleggelser og tryggere hverdag hjemme for innbyggere med kronisk "
	 "sykdom.",
	 "health", -150, 500, "org", "innsikt", "green", NULL, "bjorn:owner ida:leader magnus:member"},
};

/* Gate decisions to the next phase; unmet: exit criteria not met (keys). */
struct d_gate {
	const char *project, *phase, *by;
	int day;
	const char *unmet, *reason;
};

static const struct d_gate GATES[] = {
	{"p1", "forankring", "marit", -330, NULL,
	 "Problem og mål er godkjent i ledermøtet, teamet har avsatt tid, og tillitsvalgte er orientert. Vi går videre til "
	 "innsikt."},
	{"p1", "innsikt", "marit", -215, NULL,
	 "Intervjuene og observasjonene bekrefter at mange nattbesøk ikke trengs. To behov er prioritert. Videre til "
	 "idéutvikling."},
	{"p1", "ideutvikling", "marit", -110, "fremtidig-reise",
	 "Konseptet «Nattilsyn etter behov» er beskrevet og forankret. Den fremtidige tjenestereisen lager vi mens vi tester."},
	{"p2", "legg-grunnlaget", "marit", -40, "fundamenter-vurdert",
	 "Utfordringen er beskrevet, og teamet er på plass med tillitsvalgte. Fundamentene vurderer vi på nytt etter "
	 "innsikten."},
	{"p3", "forankring", "ragnhild", -840, NULL, "Godkjent i kommunalsjefens ledermøte. Eldrerådet støtter prosjektet."},
	{"p3", "innsikt", "ragnhild", -760, NULL, "Innsikten viser tydelig behov for aktivitet ute og avlastning for pårørende."},
	{"p3", "ideutvikling", "ragnhild", -660, NULL, "Vi tester dagtilbud på én gård i tre måneder."},
	{"p3", "testing-og-pilotering", "ragnhild", -420, NULL,
	 "Piloten nådde målene for deltakelse og avlastning. Vi innfører tilbudet tre dager i uken."},
	{"p3", "implementering", "ragnhild", -300, NULL,
	 "Tilbudet er i drift og finansiert i budsjettet. Prosjektet går over i ny praksis med gevinstoppfølging."},
	{"p4", "forankring", "ragnhild", -520, NULL, "Godkjent. Hjemmetjenestens ledere står bak."},
	{"p4", "innsikt", "ragnhild", -450, NULL, "Vi vet hvilke brukere som kan klare seg med dispenser."},
	{"p4", "ideutvikling", "ragnhild", -380, NULL, "Vi tester dispensere hos tolv brukere."},
	{"p4", "testing-og-pilotering", "ragnhild", -200, "kontaktpunkter-ferdige",
	 "Piloten viste færre medisinbesøk og ingen avvik. Vi innfører dispensere i hele hjemmetjenesten."},
	{"p5", "legg-grunnlaget", "tone", -270, NULL, "Teamet er på plass, og tillitsvalgte er med fra start."},
	{"p5", "identifiser-behov", "tone", -120, NULL,
	 "Behovet er tydelig: ansatte vil ha større stillinger uten flere helgevakter. Vi utforsker løsninger."},
	{"p6", "forankring", "bjorn", -60, "relaterte-prosjekter-avklart",
	 "Godkjent i kommunestyrets helse- og omsorgsutvalg. Vi tar kontakt med andre kommuner underveis i innsikten."},
};

/* Step statuses. Steps of passed phases are done unless listed here. */
struct d_step {
	const char *project, *step, *status;
};

static const struct d_step STEPS[] = {
	{"p1", "laere-av-andre", "skipped"},
	{"p1", "lage-prototyper", "done"},
	{"p1", "teste-med-brukere", "done"},
	{"p1", "justere-og-teste-igjen", "in-progress"},
	{"p1", "forberede-pilot", "in-progress"},
	{"p2", "tenk-nytte-fra-start", "skipped"},
	{"p2", "skill-behov-fra-losning", "in-progress"},
	{"p2", "hent-innsikt", "in-progress"},
	{"p3", "drifte-tjenesten", "in-progress"},
	{"p3", "male-og-folge-opp-gevinster", "in-progress"},
	{"p4", "planlegge-implementering", "done"},
	{"p4", "gjennomfore-anskaffelser", "done"},
	{"p4", "planlegge-gevinstrealisering", "done"},
	{"p4", "rulle-ut-tjenesten", "in-progress"},
	{"p5", "skap-ideer", "done"},
	{"p5", "test-og-laer", "in-progress"},
	{"p6", "kartlegge-dagens-tjeneste", "in-progress"},
	{"p6", "intervjuer-og-observasjon", "in-progress"},
};

/* Register items, in an order where every item comes after those it links
 * to. by: who wrote it (default: the project leader); owner: a benefit's
 * owner. */
struct d_item {
	const char *project, *reg, *h, *by, *owner;
	const char *const *f;
};

static const struct d_item ITEMS[] = {
	/* ---- p1: the whole chain -------------------------------------------- */
	{"p1", "stakeholder", "p1-sh-brukere", NULL, NULL,
	 FORM("f-name", "Hjemmeboende brukere med nattlig tilsyn", "f-category", "citizens", "f-role", "user", "f-attitude",
	      "positive", "f-interest", "high", "f-influence", "low", "f-expectations",
	      "Å kunne sove uforstyrret og likevel vite at noen følger med.", "f-success",
	      "Jeg våkner ikke av besøk, og hjelpen kommer når jeg trenger den.", "f-phase", "innsikt")},
	{"p1", "stakeholder", "p1-sh-parorende", NULL, NULL,
	 FORM("f-name", "Pårørende", "f-category", "relatives", "f-role", "other", "f-attitude", "neutral", "f-interest", "high",
	      "f-influence", "low", "f-expectations", "At mor eller far er like trygg som før, og at de får beskjed hvis noe skjer.",
	      "f-phase", "testing-og-pilotering")},
	{"p1", "stakeholder", "p1-sh-nattpatrulje", NULL, NULL,
	 FORM("f-name", "Nattpatruljen i hjemmetjenesten", "f-category", "staff", "f-role", "user", "f-attitude", "neutral",
	      "f-interest", "high", "f-influence", "medium", "f-expectations",
	      "Mindre kjøring og færre unødvendige besøk, men ikke flere oppgaver å følge med på skjermen.", "f-success",
	      "Vi rekker brukerne som trenger oss, og vi stoler på varslene.", "f-phase", "testing-og-pilotering")},
	{"p1", "stakeholder", "p1-sh-tillitsvalgte", NULL, NULL,
	 FORM("f-name", "Tillitsvalgte for sykepleiere og helsefagarbeidere", "f-category", "unions", "f-role", "contributor",
	      "f-attitude", "neutral", "f-interest", "medium", "f-influence", "medium", "f-expectations",
	      "Å bli tatt med før endringer i nattarbeidet og turnusen.", "f-phase", "testing-og-pilotering")},
	{"p1", "stakeholder", "p1-sh-utvalg", NULL, NULL,
	 FORM("f-name", "Hovedutvalg for helse og omsorg", "f-category", "politicians", "f-role", "decision-maker",
	      "f-attitude", "positive", "f-interest", "low", "f-influence", "high", "f-expectations",
	      "At tjenesten blir bærekraftig uten at tryggheten svekkes.", "f-phase", "implementering")},
	{"p1", "stakeholder", "p1-sh-ikt", NULL, NULL,
	 FORM("f-name", "IKT-samarbeidet Fjellvik–Saltnes", "f-category", "agencies", "f-role", "maintainer", "f-attitude",
	      "positive", "f-interest", "low", "f-influence", "medium", "f-expectations",
	      "Løsninger som passer i den felles plattformen for velferdsteknologi.")},
	{"p1", "anchoring", "p1-an-utvalg", NULL, NULL,
	 FORM("f-what", "Orientering i hovedutvalg for helse og omsorg", "f-purpose", "inform", "f-channel", "Utvalgsmøte",
	      "f-stakeholders", "@p1-sh-utvalg", "f-responsible", "#eirik", "f-deadline", "~-300", "f-status", "done",
	      "f-result", "Utvalget støtter prosjektet og vil høre om resultatene etter piloten.")},
	{"p1", "anchoring", "p1-an-workshop", NULL, NULL,
	 FORM("f-what", "Workshop med nattpatruljen om dagens rutiner", "f-purpose", "involve", "f-channel",
	      "Personalmøte, to timer", "f-stakeholders", "@p1-sh-nattpatrulje", "f-responsible", "#sofie", "f-deadline", "~-250",
	      "f-status", "done", "f-result", "Nattpatruljen kartla hvilke besøk de mener er nødvendige, og hvilke som ikke er det.")},
	{"p1", "anchoring", "p1-an-drofting", NULL, NULL,
	 FORM("f-what", "Drøftingsmøte med tillitsvalgte om endret nattarbeid", "f-purpose", "involve", "f-channel",
	      "Drøftingsmøte etter hovedavtalen", "f-stakeholders", "@p1-sh-tillitsvalgte", "f-responsible", "#marit",
	      "f-deadline", "~-14", "f-status", "planned")},
	{"p1", "anchoring", "p1-an-parorende", NULL, NULL,
	 FORM("f-what", "Informasjonsmøte for brukere og pårørende før piloten", "f-purpose", "inform", "f-channel",
	      "Møte på Fjellvik helsehus, og brev til alle i piloten", "f-stakeholders", "@p1-sh-parorende", "f-stakeholders",
	      "@p1-sh-brukere", "f-responsible", "#eirik", "f-deadline", "~25", "f-status", "planned")},
	{"p1", "research", "p1-re-intervju", "sofie", NULL,
	 FORM("f-title", "Intervjuer med hjemmeboende brukere", "f-method", "interview", "f-date", "~-280", "f-participants",
	      "Seks brukere med nattlig tilsyn: fire kvinner og to menn mellom 74 og 93 år. Fem bor alene, to har "
	      "kognitiv svikt. Pårørende var med i to av samtalene.",
	      "f-consent", "yes", "f-consent_how",
	      "Skriftlig samtykke etter muntlig informasjon; pårørende var til stede der brukeren ønsket det", "f-consent_when",
	      "~-285", "f-notes",
	      "Fire av seks sier de våkner når nattpatruljen kommer, og to får ikke sove igjen. Alle vil ha trygghet, men "
	      "ingen ønsker kamera som viser bilde.",
	      "f-retention", "~-20")},
	{"p1", "research", "p1-re-observasjon", "sofie", NULL,
	 FORM("f-title", "Observasjon av nattpatruljen i tre netter", "f-method", "observation", "f-date", "~-265",
	      "f-participants", "Nattpatruljen: to sykepleiere og én helsefagarbeider hver natt, tre ulike netter. Brukerne ble "
	      "ikke observert inne i boligen.",
	      "f-consent", "yes", "f-consent_how", "Muntlig samtykke fra de ansatte, notert i prosjektloggen", "f-consent_when",
	      "~-266", "f-notes",
	      "I snitt 2 timer og 50 minutter kjøring per natt. 23 av 41 besøk var rene tilsyn der brukeren sov.",
	      "f-retention", "~60")},
	{"p1", "research", "p1-re-statistikk", "kjell", NULL,
	 FORM("f-title", "Nattbesøk og hendelser det siste året", "f-method", "statistics", "f-date", "~-290", "f-participants",
	      "Ingen deltakere: anonymisert uttrekk fra fagsystemet, tall per måned.", "f-notes",
	      "Rundt 1 200 nattbesøk i måneden. 14 uønskede hendelser om natten siste år, ingen av dem oppdaget ved planlagt "
	      "tilsyn.")},
	{"p1", "insight", "p1-in-sovn", NULL, NULL,
	 FORM("f-headline", "Mange våkner av tilsynet og får ikke sove igjen", "f-background",
	      "Planlagte tilsyn skjer mellom klokka 23 og 05, ofte to ganger per natt.", "f-finding",
	      "Brukerne vil være trygge, men tilsynet i seg selv forstyrrer søvnen.", "f-matters",
	      "Dårlig søvn gir mer uro, fall og forvirring om dagen.", "f-quotes",
	      "«Jeg hører nøkkelen i døra, og da er natta over for min del.»", "f-research", "@p1-re-intervju", "f-research",
	      "@p1-re-observasjon")},
	{"p1", "insight", "p1-in-kjoring", NULL, NULL,
	 FORM("f-headline", "Nattpatruljen bruker mer tid i bilen enn hos brukerne", "f-finding",
	      "Over halvparten av natta går til kjøring, og mer enn halvparten av besøkene er tilsyn der brukeren sover.",
	      "f-matters", "Når noe skjer, er patruljen ofte langt unna.", "f-research", "@p1-re-observasjon", "f-research",
	      "@p1-re-statistikk")},
	{"p1", "insight", "p1-in-parorende", NULL, NULL,
	 FORM("f-headline", "Pårørende er redde for at færre besøk betyr mindre trygghet", "f-finding",
	      "Pårørende forbinder trygghet med at noen kommer, ikke med at noen følger med.", "f-matters",
	      "Uten pårørendes tillit vil brukerne takke nei til digitalt tilsyn.", "f-research", "@p1-re-intervju")},
	{"p1", "need", "p1-ne-sovn", NULL, NULL,
	 FORM("f-statement", "Hvordan kan vi gi trygt tilsyn om natten uten å forstyrre søvnen?", "f-description",
	      "Gjelder brukere som i dag har planlagt nattlig tilsyn, og deres pårørende.", "f-insights", "@p1-in-sovn",
	      "f-insights", "@p1-in-parorende")},
	{"p1", "need", "p1-ne-tid", NULL, NULL,
	 FORM("f-statement", "Hvordan kan nattpatruljen bruke tiden der behovet er størst?", "f-insights", "@p1-in-kjoring")},
	{"p1", "idea", "p1-id-tilsyn", NULL, NULL,
	 FORM("f-title", "Digitalt tilsyn med kamera som bare viser omriss", "f-description",
	      "Et kamera på soverommet viser bare en skisse av personen. Nattpatruljen ser på skjermen at brukeren ligger i "
	      "senga, og drar bare ut når det trengs.",
	      "f-needs", "@p1-ne-sovn", "f-needs", "@p1-ne-tid", "f-insights", "@p1-in-sovn", "f-beneficiaries",
	      "Brukere med planlagt nattlig tilsyn", "f-affected",
	      "Nattpatruljen får en ny arbeidsmåte; pårørende må få god informasjon.", "f-impact", "5", "f-effort", "3",
	      "f-status", "in-test")},
	{"p1", "idea", "p1-id-sensor", NULL, NULL,
	 FORM("f-title", "Sengesensor som varsler når brukeren står opp og ikke legger seg igjen", "f-description",
	      "En matte under madrassen varsler nattpatruljen hvis brukeren har vært ute av senga lenger enn avtalt.",
	      "f-needs", "@p1-ne-sovn", "f-beneficiaries", "Brukere med fallrisiko", "f-impact", "4", "f-effort", "2",
	      "f-status", "shortlisted")},
	{"p1", "test", "p1-te-tilsyn", "sofie", NULL,
	 FORM("f-title", "Digitalt tilsyn hos åtte brukere i fire uker", "f-idea", "@p1-id-tilsyn", "f-date", "~-45",
	      "f-believe", "Vi tror at digitalt tilsyn kan erstatte de fleste planlagte nattbesøk uten at brukerne føler seg "
	      "mindre trygge.",
	      "f-know", "Vi vet at vi har rett når minst halvparten av tilsynene skjer digitalt, og ingen av brukerne vil "
	      "tilbake til fysiske besøk.",
	      "f-form", "digital", "f-fidelity", "high", "f-participants_n", "8", "f-participants",
	      "Åtte frivillige brukere i sone nord og nattpatruljen", "f-setting", "Brukernes egne hjem, fire uker",
	      "f-success", "Minst 50 prosent digitale tilsyn, ingen uønskede hendelser som kunne vært oppdaget.", "f-results",
	      "63 prosent av tilsynene var digitale. Ingen hendelser. Sju av åtte ville fortsette.", "f-learning",
	      "Nattpatruljen trenger bedre varslingslyd og en fast rutine for når de likevel drar ut.", "f-decision", "pilot")},
	{"p1", "benefit", "p1-be-besok", NULL, "arne",
	 FORM("f-name", "Færre unødvendige nattbesøk", "f-description",
	      "Nattpatruljen drar bare ut når det trengs. Frigjort tid brukes på brukere med større behov om natten.",
	      "f-type", "saved-time", "f-beneficiary", "staff", "f-beneficiary", "municipality", "f-goal",
	      "Nattpatruljen bruker tiden der behovet er størst", "f-prerequisites",
	      "Digitalt tilsyn i drift, samtykke fra brukerne og en rutine for utrykning.", "f-measures",
	      "Ny nattplan per sone; opplæring av alle på nattevakt.", "f-risks",
	      "Gamle vaner: patruljen kjører ut «for sikkerhets skyld».", "f-status", "in-realisation", "f-ideas",
	      "@p1-id-tilsyn", "f-tests", "@p1-te-tilsyn")},
	{"p1", "benefit", "p1-be-sovn", NULL, "eirik",
	 FORM("f-name", "Bedre nattesøvn for brukere med tilsyn", "f-description",
	      "Brukerne blir ikke vekket av planlagte tilsyn.", "f-type", "quality", "f-beneficiary", "users",
	      "f-beneficiary", "relatives", "f-goal", "Trygt tilsyn uten å forstyrre søvnen", "f-status", "in-realisation",
	      "f-ideas", "@p1-id-tilsyn")},

	/* ---- p2 ------------------------------------------------------------ */
	{"p2", "research", "p2-re-undersokelse", "arne", NULL,
	 FORM("f-title", "Spørreundersøkelse om ønsket stillingsstørrelse", "f-method", "survey", "f-date", "~-20",
	      "f-participants", "Alle 64 ansatte i hjemmetjenesten ble invitert; 41 svarte. Anonym.", "f-notes",
	      "27 av 41 ønsker større stilling. De fleste vil heller ha lengre vakter enn flere helger.")},
	{"p2", "insight", "p2-in-storre", "arne", NULL,
	 FORM("f-headline", "De fleste deltidsansatte vil ha større stilling – men ikke flere helger", "f-research",
	      "@p2-re-undersokelse")},

	/* ---- p3 ------------------------------------------------------------ */
	{"p3", "stakeholder", "p3-sh-deltakere", NULL, NULL,
	 FORM("f-name", "Hjemmeboende personer med demens", "f-category", "citizens", "f-role", "user", "f-attitude",
	      "positive", "f-interest", "high", "f-influence", "low")},
	{"p3", "stakeholder", "p3-sh-garden", NULL, NULL,
	 FORM("f-name", "Gårdbruker som tilbyr Inn på tunet", "f-category", "business", "f-role", "contributor",
	      "f-attitude", "positive", "f-interest", "high", "f-influence", "medium")},
	{"p3", "stakeholder", "p3-sh-demensforening", NULL, NULL,
	 FORM("f-name", "Demensforeningen og pårørendeskolen", "f-category", "volunteers", "f-role", "other", "f-attitude",
	      "positive", "f-interest", "high", "f-influence", "low")},
	{"p3", "research", "p3-re-parorende", NULL, NULL,
	 FORM("f-title", "Samtaler med pårørende på pårørendeskolen", "f-method", "workshop", "f-date", "~-800",
	      "f-participants", "Elleve pårørende, de fleste ektefeller over 70 år.", "f-consent", "yes", "f-consent_how",
	      "Muntlig, etter skriftlig informasjon sendt på forhånd", "f-consent_when", "~-800", "f-retention", "~200")},
	{"p3", "insight", "p3-in-ute", NULL, NULL,
	 FORM("f-headline", "Deltakerne er roligere etter en dag med praktisk arbeid ute", "f-quotes",
	      "«Han kommer hjem sliten på en god måte, og sover hele natta.»", "f-research", "@p3-re-parorende")},
	{"p3", "need", "p3-ne-aktivitet", NULL, NULL,
	 FORM("f-statement", "Hvordan kan personer med demens få meningsfulle dager, og pårørende få hvile?", "f-insights",
	      "@p3-in-ute")},
	{"p3", "idea", "p3-id-gard", NULL, NULL,
	 FORM("f-title", "Dagaktivitet på gård tre dager i uken", "f-needs", "@p3-ne-aktivitet", "f-impact", "5", "f-effort",
	      "3", "f-status", "adopted")},
	{"p3", "test", "p3-te-pilot", NULL, NULL,
	 FORM("f-title", "Pilot på Nordgården i tre måneder", "f-idea", "@p3-id-gard", "f-date", "~-480", "f-form", "pilot",
	      "f-fidelity", "high", "f-participants_n", "9", "f-results",
	      "Ni deltakere, 91 prosent oppmøte. Pårørende rapporterte bedre søvn og mindre uro hjemme.", "f-decision",
	      "implement")},
	{"p3", "benefit", "p3-be-korttid", NULL, "ragnhild",
	 FORM("f-name", "Færre søknader om korttidsopphold", "f-description",
	      "Pårørende får avlastning på dagtid og klarer seg lenger uten korttidsopphold.", "f-type", "avoided-costs",
	      "f-beneficiary", "municipality", "f-beneficiary", "relatives", "f-status", "in-realisation", "f-ideas",
	      "@p3-id-gard", "f-tests", "@p3-te-pilot")},
	{"p3", "benefit", "p3-be-avlastning", NULL, "kristian",
	 FORM("f-name", "Pårørende opplever avlastning", "f-type", "quality", "f-beneficiary", "relatives", "f-status",
	      "in-realisation", "f-ideas", "@p3-id-gard")},

	/* ---- p4 ------------------------------------------------------------ */
	{"p4", "idea", "p4-id-dispenser", NULL, NULL,
	 FORM("f-title", "Medisindispenser med påminnelse og varsling", "f-impact", "4", "f-effort", "3", "f-status", "adopted")},
	{"p4", "test", "p4-te-pilot", NULL, NULL,
	 FORM("f-title", "Dispensere hos tolv brukere i sone sør", "f-idea", "@p4-id-dispenser", "f-date", "~-240", "f-form",
	      "pilot", "f-participants_n", "12", "f-results", "Ti av tolv tok medisinene selv. Ingen avvik.", "f-decision",
	      "implement")},
	{"p4", "benefit", "p4-be-medisinbesok", NULL, "line",
	 FORM("f-name", "Færre besøk bare for å dele ut medisiner", "f-type", "saved-time", "f-beneficiary", "staff",
	      "f-beneficiary", "users", "f-measures", "Dispensere til alle brukere som kan bruke dem; ny besøksplan per sone.",
	      "f-risks", "Forsinket integrasjon gjør at dispenserne må fylles manuelt.", "f-status", "in-realisation",
	      "f-ideas", "@p4-id-dispenser", "f-tests", "@p4-te-pilot")},

	/* ---- p5 ------------------------------------------------------------ */
	{"p5", "stakeholder", "p5-sh-ansatte", NULL, NULL,
	 FORM("f-name", "Ansatte i små stillinger", "f-category", "staff", "f-role", "user", "f-attitude", "positive",
	      "f-interest", "high", "f-influence", "medium")},
	{"p5", "stakeholder", "p5-sh-tillitsvalgte", NULL, NULL,
	 FORM("f-name", "Hovedtillitsvalgte", "f-category", "unions", "f-role", "decision-maker", "f-attitude", "neutral",
	      "f-interest", "high", "f-influence", "high")},
	{"p5", "research", "p5-re-intervju", NULL, NULL,
	 FORM("f-title", "Intervjuer med ansatte i deltid", "f-method", "interview", "f-date", "~-200", "f-participants",
	      "Ti ansatte i stillinger mellom 20 og 60 prosent, både fagarbeidere og ufaglærte.", "f-consent", "yes",
	      "f-consent_how", "Skriftlig", "f-consent_when", "~-205", "f-retention", "~45")},
	{"p5", "insight", "p5-in-helg", NULL, NULL,
	 FORM("f-headline", "Helgebelastningen stopper større stillinger", "f-finding",
	      "Ansatte sier nei til større stilling fordi det i dag betyr flere helgevakter.", "f-research", "@p5-re-intervju")},
	{"p5", "need", "p5-ne-heltid", NULL, NULL,
	 FORM("f-statement", "Hvordan kan flere få hel stilling uten å jobbe flere helger?", "f-insights", "@p5-in-helg")},
	{"p5", "idea", "p5-id-langvakt", NULL, NULL,
	 FORM("f-title", "Langvakter i helgene for dem som ønsker det", "f-needs", "@p5-ne-heltid", "f-impact", "4", "f-effort",
	      "4", "f-status", "shortlisted")},
	{"p5", "idea", "p5-id-pool", NULL, NULL,
	 FORM("f-title", "Felles ressurspool mellom sykehjem og hjemmetjeneste", "f-needs", "@p5-ne-heltid", "f-impact", "3",
	      "f-effort", "2", "f-status", "new")},

	/* ---- p6 ------------------------------------------------------------ */
	{"p6", "stakeholder", "p6-sh-pasienter", NULL, NULL,
	 FORM("f-name", "Innbyggere med kols eller hjertesvikt", "f-category", "citizens", "f-role", "user", "f-attitude",
	      "positive", "f-interest", "high", "f-influence", "low")},
	{"p6", "stakeholder", "p6-sh-fastleger", NULL, NULL,
	 FORM("f-name", "Fastlegene i Reinfjord", "f-category", "staff", "f-role", "contributor", "f-attitude", "neutral",
	      "f-interest", "medium", "f-influence", "high")},
	{"p6", "stakeholder", "p6-sh-helseforetak", NULL, NULL,
	 FORM("f-name", "Medisinsk avdeling på sykehuset", "f-category", "agencies", "f-role", "contributor", "f-attitude",
	      "positive", "f-interest", "medium", "f-influence", "medium")},
	{"p6", "anchoring", "p6-an-legemote", NULL, NULL,
	 FORM("f-what", "Presentasjon på fastlegemøtet", "f-purpose", "engage", "f-stakeholders", "@p6-sh-fastleger",
	      "f-responsible", "#magnus", "f-deadline", "~-30", "f-status", "done", "f-result",
	      "To fastleger vil være med i innsiktsarbeidet.")},
	{"p6", "anchoring", "p6-an-sykehus", NULL, NULL,
	 FORM("f-what", "Møte med sykehuset om felles oppfølging", "f-purpose", "involve", "f-stakeholders",
	      "@p6-sh-helseforetak", "f-responsible", "#ida", "f-deadline", "~35", "f-status", "planned")},
	{"p6", "research", "p6-re-intervju", NULL, NULL,
	 FORM("f-title", "Intervjuer med innbyggere med kols", "f-method", "interview", "f-date", "~-10", "f-participants",
	      "Fire innbyggere med kols, tre menn og én kvinne mellom 61 og 84 år.", "f-consent", "yes", "f-consent_how",
	      "Skriftlig", "f-consent_when", "~-12", "f-retention", "~170")},
};

/* Tool entries, in the order they were saved (a tool listed twice gets two
 * revisions). not_relevant: the reason, for a tool marked not relevant.
 * "c" ticks checklist items: their keys, or "*" for all. */
struct d_tool {
	const char *project, *tool, *by, *not_relevant;
	const char *const *f;
};

static const struct d_tool TOOLS[] = {
	/* ---- p1 (Veikart, testing and piloting) ------------------------------- */
	{"p1", "prosjektpresentasjon", "eirik", NULL,
	 FORM("f-prosjektnavn", "Trygg hjemme med digitalt tilsyn", "f-problem",
	      "Nattpatruljen gjør rundt 40 planlagte tilsyn hver natt. De fleste brukerne sover, mange våkner av besøket, "
	      "og patruljen kjører opptil 180 km.",
	      "f-hvorfor-na", "Antallet eldre som bor alene øker med 30 prosent de neste ti årene, og vi får ikke tak i nok "
	      "sykepleiere til natt.",
	      "f-mal", "Trygt tilsyn om natten uten å vekke brukerne, og tid til dem som trenger oss.", "f-strategikobling",
	      "Kommuneplanens mål om at flere skal kunne bo trygt hjemme lenger, og handlingsplanen for velferdsteknologi.",
	      "f-hva-vi-ber-om", "Ti prosent stilling til prosjektleder i et år, og at nattpatruljen får delta i workshoper.")},
	{"p1", "prosjektpresentasjon", "marit", NULL,
	 FORM("f-prosjektnavn", "Trygg hjemme med digitalt tilsyn", "f-problem",
	      "Nattpatruljen gjør rundt 40 planlagte tilsyn hver natt. De fleste brukerne sover, mange våkner av besøket, "
	      "og patruljen kjører opptil 180 km.",
	      "f-hvorfor-na", "Antallet eldre som bor alene øker med 30 prosent de neste ti årene, og vi får ikke tak i nok "
	      "sykepleiere til natt.",
	      "f-mal", "Trygt tilsyn om natten uten å vekke brukerne, og tid til dem som trenger oss.", "f-strategikobling",
	      "Kommuneplanens mål om at flere skal kunne bo trygt hjemme lenger, og handlingsplanen for velferdsteknologi.",
	      "f-stemmer", "«Jeg hører nøkkelen i døra, og da er natta over for min del.» (bruker, 86 år)\n"
	      "«Vi kjører forbi huset til en som trenger oss for å se at en annen sover.» (sykepleier på natt)",
	      "f-datagrunnlag", "@p1-re-statistikk", "f-forventede-gevinster", "@p1-be-besok", "f-forventede-gevinster",
	      "@p1-be-sovn", "f-hva-vi-ber-om",
	      "Ti prosent stilling til prosjektleder i et år, og at nattpatruljen får delta i workshoper.", "f-prosjekteier",
	      "#marit", "f-malgrupper", "politikere", "f-malgrupper", "toppledelse", "f-malgrupper", "ansatte", "f-malgrupper",
	      "tillitsvalgte", "t-presentasjonslogg-0-dato", "~-340", "t-presentasjonslogg-0-forum", "Ledermøtet i helse og omsorg",
	      "t-presentasjonslogg-0-tilbakemeldinger", "Spørsmål om personvern og om hva pårørende vil mene.",
	      "t-presentasjonslogg-0-oppfolging", "Personvernombudet inviteres til teamet", "t-presentasjonslogg-1-dato",
	      "~-300", "t-presentasjonslogg-1-forum", "Hovedutvalg for helse og omsorg", "t-presentasjonslogg-1-tilbakemeldinger",
	      "Utvalget er positivt og vil ha resultater etter piloten.", "c", "*", "q-hvem-bryr-seg",
	      "Nattpatruljen og pårørende – og brukerne selv, som sjelden blir spurt.", "q-hva-om-ingenting",
	      "Om fem år har vi ikke nok folk til nattpatruljen slik den er organisert i dag.")},
	{"p1", "statistikk-og-tall", "kjell", NULL,
	 FORM("f-sporsmal", "Hvor mange nattbesøk gjør vi, hvor lang tid tar de, og hva skjer om natten?",
	      "t-nokkeltall-0-indikator", "Planlagte nattbesøk", "t-nokkeltall-0-verdi", "1 200 per måned",
	      "t-nokkeltall-0-periode", "Siste tolv måneder", "t-nokkeltall-0-kilde", "fagsystem", "t-nokkeltall-0-sikkerhet",
	      "hoy", "t-nokkeltall-1-indikator", "Kjøretid per natt", "t-nokkeltall-1-verdi", "2 timer 50 minutter",
	      "t-nokkeltall-1-periode", "Tre observerte netter", "t-nokkeltall-1-kilde", "egen-telling",
	      "t-nokkeltall-1-sikkerhet", "middels", "t-nokkeltall-2-indikator", "Uønskede hendelser om natten",
	      "t-nokkeltall-2-verdi", "14 per år", "t-nokkeltall-2-periode", "Siste år", "t-nokkeltall-2-kilde", "fagsystem",
	      "t-nokkeltall-2-sammenligning", "Ingen oppdaget ved planlagt tilsyn", "t-nokkeltall-2-sikkerhet", "hoy", "f-kilder",
	      "@p1-re-statistikk", "f-hva-tallene-viser",
	      "Mange besøk, lang kjøring, og hendelsene oppdages ikke av de planlagte tilsynene.", "f-forbehold",
	      "Kjøretiden er målt bare tre netter.", "f-smatall-vurdert", "yes", "f-ansvarlig", "#kjell", "c",
	      "sporsmal-forst kilde-og-periode personvern")},
	{"p1", "planleggingsverktoy", "eirik", NULL,
	 FORM("f-prosjekteier", "#marit", "f-prosjektleder", "#eirik", "f-behovseier",
	      "Enhetsleder i hjemmetjenesten", "t-team-0-medlem", "#marit", "t-team-0-rolle", "prosjekteier", "t-team-0-enhet",
	      "Helse og omsorg", "t-team-0-stillingsandel", "5", "t-team-0-leder-godkjent", "yes", "t-team-1-medlem", "#eirik",
	      "t-team-1-rolle", "prosjektleder", "t-team-1-enhet", "Helse og omsorg", "t-team-1-stillingsandel", "20",
	      "t-team-1-leder-godkjent", "yes", "t-team-2-medlem", "#sofie", "t-team-2-rolle", "padriver", "t-team-2-enhet",
	      "Hjemmetjenesten", "t-team-2-stillingsandel", "15", "t-team-2-leder-godkjent", "yes", "t-team-3-medlem", "#kjell",
	      "t-team-3-rolle", "ressursperson", "t-team-3-enhet", "IKT", "t-team-3-stillingsandel", "10",
	      "t-team-3-leder-godkjent", "yes", "f-moteplasser",
	      "Teammøte hver tirsdag, 45 minutter. Styringsgruppe (kommunalsjef, enhetsleder, hovedtillitsvalgt) hver sjette uke.",
	      "f-avgrensning", "Gjelder nattpatruljen og brukere med planlagt nattlig tilsyn. Dagtjenesten og trygghetsalarmer er "
	      "utenfor.",
	      "t-milepaeler-0-milepael", "Innsikt oppsummert", "t-milepaeler-0-fase", "innsikt", "t-milepaeler-0-dato", "~-220",
	      "t-milepaeler-0-ansvarlig", "#eirik", "t-milepaeler-0-status", "nadd", "t-milepaeler-1-milepael",
	      "Test hos åtte brukere ferdig", "t-milepaeler-1-fase", "testing", "t-milepaeler-1-dato", "~-40",
	      "t-milepaeler-1-ansvarlig", "#sofie", "t-milepaeler-1-status", "nadd", "t-milepaeler-2-milepael",
	      "Pilot i hele sone nord startet", "t-milepaeler-2-fase", "testing", "t-milepaeler-2-dato", "~14",
	      "t-milepaeler-2-ansvarlig", "#eirik", "t-milepaeler-2-status", "pagar", "f-budsjett", "850 000", "f-finansiering",
	      "Skjønnsmidler fra Statsforvalteren (400 000) og egen drift.", "t-risiko-0-risiko",
	      "Personvernkonsekvensvurderingen blir ikke ferdig før piloten", "t-risiko-0-sannsynlighet", "middels",
	      "t-risiko-0-konsekvens", "hoy", "t-risiko-0-tiltak", "Personvernombudet med i teamet fra nå",
	      "t-risiko-0-ansvarlig", "#kjell", "f-neste-revisjon", "~30", "c", "*", "q-realistisk",
	      "Stillingsandelene holder hvis vi slipper vikarinnleie for Sofie.")},
	{"p1", "forankringsverktoy", "eirik", NULL,
	 FORM("f-interessenter", "@p1-sh-brukere", "f-interessenter", "@p1-sh-parorende", "f-interessenter",
	      "@p1-sh-nattpatrulje", "f-interessenter", "@p1-sh-tillitsvalgte", "f-interessenter", "@p1-sh-utvalg",
	      "f-interessenter", "@p1-sh-ikt", "f-behovseier", "Enhetsleder i hjemmetjenesten", "f-nokkelaktorer",
	      "Nattpatruljen og tillitsvalgte må være med på å utforme den nye arbeidsmåten. Pårørende må forstå hvorfor "
	      "færre besøk kan gi mer trygghet.",
	      "f-hovedbudskap", "Vi vil være der når det trengs – ikke bare når klokka sier det.", "f-politisk-forankring",
	      "Orientert i hovedutvalget. Saken kommer til politisk behandling før eventuell innføring.",
	      "f-tillitsvalgte-involvert", "no", "f-forankringsaktiviteter", "@p1-an-utvalg", "f-forankringsaktiviteter",
	      "@p1-an-workshop", "f-forankringsaktiviteter", "@p1-an-drofting", "f-forankringsaktiviteter", "@p1-an-parorende",
	      "t-bekymringer-0-fra-hvem", "Pårørende", "t-bekymringer-0-bekymring", "At færre besøk betyr mindre trygghet.",
	      "t-bekymringer-0-svar", "Informasjonsmøte, og brukeren kan alltid be om fysisk tilsyn.", "t-bekymringer-0-status",
	      "apen", "t-bekymringer-1-fra-hvem", "Nattpatruljen", "t-bekymringer-1-bekymring",
	      "At skjermen blir en ekstra oppgave midt i kjøringen.", "t-bekymringer-1-svar",
	      "Varsler på nettbrett i bilen, testet i fire uker.", "t-bekymringer-1-status", "handtert", "f-neste-gjennomgang",
	      "~20", "c", "bredt behovseier-finnes strategi-for-alle en-ansvarlig fysiske-moter", "q-hvem-kan-stoppe",
	      "Hovedutvalget, og tillitsvalgte hvis de ikke blir tatt med i tide.")},
	{"p1", "gevinstkartlegging", "eirik", NULL,
	 FORM("f-gevinster", "@p1-be-besok", "f-gevinster", "@p1-be-sovn", "t-gevinstoversikt-0-gevinst",
	      "Færre unødvendige nattbesøk", "t-gevinstoversikt-0-type", "spart-tid", "t-gevinstoversikt-0-hvem", "ansatte",
	      "t-gevinstoversikt-0-nar", "kort", "t-gevinstoversikt-0-potensial", "stort", "t-gevinstoversikt-0-forutsetning",
	      "Digitalt tilsyn i drift", "t-gevinstoversikt-1-gevinst", "Bedre nattesøvn", "t-gevinstoversikt-1-type",
	      "okt-kvalitet", "t-gevinstoversikt-1-hvem", "brukere", "t-gevinstoversikt-1-nar", "kort",
	      "t-gevinstoversikt-1-potensial", "middels", "t-gevinstoversikt-2-gevinst", "Mindre kjøring",
	      "t-gevinstoversikt-2-type", "unngatte-kostnader", "t-gevinstoversikt-2-hvem", "egen-enhet",
	      "t-gevinstoversikt-2-nar", "middels", "t-gevinstoversikt-2-potensial", "lite", "f-storst-potensial",
	      "I de planlagte tilsynene der brukeren sover: over halvparten av besøkene.", "f-gevinstkart",
	      "Digitalt tilsyn → færre fysiske tilsyn → mindre kjøring og mer tid til brukere med behov → færre hendelser som "
	      "oppdages for sent.",
	      "f-forutsetninger", "Samtykke fra brukerne, stabil nettdekning, rutine for utrykning.", "f-ulemper",
	      "Innkjøp og drift av utstyr; noen brukere vil savne besøket.", "f-grunnlag", "tester", "f-sist-oppdatert", "~-40",
	      "c", "tre-typer forutsetninger-listet ulemper-med registrert")},
	{"p1", "intervju-og-observasjon", "sofie", NULL,
	 FORM("f-formal", "Forstå hvordan brukerne opplever tilsynet om natten, og hvordan nattpatruljen bruker tiden.",
	      "f-metoder", "individuelt-intervju", "f-metoder", "observasjon", "t-utvalg-0-gruppe",
	      "Brukere med planlagt nattlig tilsyn", "t-utvalg-0-antall", "6", "t-utvalg-0-hvorfor",
	      "De som merker tilsynet", "t-utvalg-0-rekruttering", "Forespørsel ved dagbesøk", "t-utvalg-0-sarbar", "yes",
	      "t-utvalg-1-gruppe", "Nattpatruljen", "t-utvalg-1-antall", "9", "t-utvalg-1-hvorfor", "De som gjør jobben",
	      "t-utvalg-1-rekruttering", "Personalmøte", "t-utvalg-1-sarbar", "no", "f-intervjuguide",
	      "Fortell om en vanlig natt. Hva skjer når nattpatruljen kommer? Hva gjør deg trygg? Hva ville du ønsket deg?",
	      "f-observasjonspunkter", "Kjøretid, tid hos brukeren, hva som skjer i besøket.", "f-informasjon-og-samtykke",
	      "Skriftlig informasjon på stor skrift, lest opp ved dagbesøk. Skriftlig samtykke; pårørende informert.",
	      "f-samtykke-innhentet", "yes", "f-personvernombud", "yes", "f-slettes-innen", "~-20", "f-aktiviteter",
	      "@p1-re-intervju", "f-aktiviteter", "@p1-re-observasjon", "f-ansvarlig", "#sofie", "c", "*")},
	{"p1", "innsiktsoppsummering", "eirik", NULL,
	 FORM("f-innsikter", "@p1-in-sovn", "f-innsikter", "@p1-in-kjoring", "f-innsikter", "@p1-in-parorende", "f-behov",
	      "@p1-ne-sovn", "f-behov", "@p1-ne-tid", "f-grunnlag", "@p1-re-intervju", "f-grunnlag", "@p1-re-observasjon",
	      "f-grunnlag", "@p1-re-statistikk", "f-monstre",
	      "Trygghet handler om at noen følger med og kommer når det trengs, ikke om faste besøk.", "f-overraskelser",
	      "Nesten ingen av brukerne visste at de hadde planlagt tilsyn i vedtaket.", "t-prioritering-0-behov",
	      "Trygt tilsyn uten å forstyrre søvnen", "t-prioritering-0-omfang", "mange", "t-prioritering-0-alvor", "middels",
	      "t-prioritering-0-malsamsvar", "godt", "t-prioritering-0-prioritet", "hoy", "t-prioritering-1-behov",
	      "Tid der behovet er størst", "t-prioritering-1-omfang", "noen", "t-prioritering-1-alvor", "stort",
	      "t-prioritering-1-malsamsvar", "godt", "t-prioritering-1-prioritet", "hoy", "f-hull",
	      "Hvordan pårørende vil reagere når besøkene blir færre.", "f-validert-med", "brukere", "f-validert-med", "ansatte",
	      "f-validert-med", "prosjekteier", "f-beslutning-dato", "~-215", "c", "*")},
	{"p1", "ideverksted", "eirik", NULL,
	 FORM("f-utfordring", "Hvordan kan vi gi trygt tilsyn om natten uten å forstyrre søvnen?", "f-behov", "@p1-ne-sovn",
	      "f-behov", "@p1-ne-tid", "f-dato", "~-190", "f-deltakere", "ansatte", "f-deltakere", "brukere", "f-deltakere",
	      "ledere", "f-deltakere", "stotte", "f-antall-deltakere", "14", "f-metoder", "brainwriting", "f-metoder",
	      "persona-runde", "f-metoder", "skissing", "f-kriterier", "treffer-behovet", "f-kriterier", "gevinst", "f-kriterier",
	      "raskt-testbar", "f-ideer", "@p1-id-tilsyn", "f-ideer", "@p1-id-sensor", "t-prioritering-0-ide",
	      "Digitalt tilsyn med omrisskamera", "t-prioritering-0-stemmer", "9", "t-prioritering-0-effekt", "hoy",
	      "t-prioritering-0-innsats", "middels", "t-prioritering-0-kategori", "videre-na", "t-prioritering-1-ide",
	      "Sengesensor", "t-prioritering-1-stemmer", "5", "t-prioritering-1-effekt", "middels", "t-prioritering-1-innsats",
	      "lav", "t-prioritering-1-kategori", "rask-gevinst", "f-neste-steg",
	      "Teste digitalt tilsyn hos åtte brukere; sengesensor vurderes i piloten.", "c", "*")},
	{"p1", "konseptbeskrivelse", "eirik", NULL,
	 FORM("f-navn", "Nattilsyn etter behov", "f-kort-beskrivelse",
	      "Brukere som samtykker, får digitalt tilsyn om natten. Nattpatruljen ser til dem på nettbrett og drar ut når "
	      "noe er galt, eller når brukeren eller pårørende ønsker det.",
	      "f-ideer", "@p1-id-tilsyn", "f-ideer", "@p1-id-sensor", "f-behov", "@p1-ne-sovn", "f-behov", "@p1-ne-tid",
	      "t-kontaktpunkter-0-kontaktpunkt", "Omrisskamera på soverommet", "t-kontaktpunkter-0-type", "digitalt",
	      "t-kontaktpunkter-0-formal", "Vise om brukeren ligger i senga", "t-kontaktpunkter-0-eier", "Hjemmetjenesten",
	      "t-kontaktpunkter-0-status", "testet", "t-kontaktpunkter-1-kontaktpunkt", "Samtale om tilsyn ved vedtak",
	      "t-kontaktpunkter-1-type", "mellommenneskelig", "t-kontaktpunkter-1-formal", "Samtykke og forventninger",
	      "t-kontaktpunkter-1-eier", "Tildelingskontoret", "t-kontaktpunkter-1-status", "prototype",
	      "f-prosesser-og-roller", "Ny nattplan per sone. Sykepleier på natt vurderer varsler og avgjør utrykning.",
	      "f-teknologi", "Omrisskamera og varsling i den felles plattformen for velferdsteknologi.", "f-velferdsteknologi",
	      "trygghet", "f-gevinster", "@p1-be-besok", "f-gevinster", "@p1-be-sovn", "t-antakelser-0-antakelse",
	      "Brukerne vil føle seg like trygge med digitalt tilsyn", "t-antakelser-0-viktighet", "hoy",
	      "t-antakelser-0-usikkerhet", "middels", "t-antakelser-0-resultat", "bekreftet", "t-antakelser-1-antakelse",
	      "Nettdekningen er god nok i hele sone nord", "t-antakelser-1-viktighet", "hoy", "t-antakelser-1-usikkerhet",
	      "hoy", "t-antakelser-1-resultat", "delvis", "f-avklaringer", "personvern", "f-avklaringer", "databehandleravtale",
	      "f-avklaringer", "ros", "f-avklaringer", "arbeidsmiljo", "c", "tre-elementer kort-forklart antakelser-rangert")},
	{"p1", "testplan", "sofie", NULL,
	 FORM("f-tester", "@p1-te-tilsyn", "f-ide", "@p1-id-tilsyn", "f-sporsmal",
	      "Kan digitalt tilsyn erstatte de fleste planlagte nattbesøk uten at tryggheten svekkes?",
	      "t-antakelser-0-antakelse", "Minst halvparten av tilsynene kan skje digitalt", "t-antakelser-0-kriterium",
	      "Over 50 prosent digitale tilsyn i uke 3 og 4", "t-antakelser-0-resultat", "bekreftet", "t-antakelser-1-antakelse",
	      "Brukerne føler seg like trygge", "t-antakelser-1-kriterium", "Ingen vil tilbake til fysiske besøk",
	      "t-antakelser-1-resultat", "delvis", "f-sted", "Hjemme hos åtte brukere i sone nord", "f-dato", "~-45",
	      "t-testpersoner-0-gruppe", "Brukere", "t-testpersoner-0-antall", "8", "t-testpersoner-1-gruppe",
	      "Nattpatruljen", "t-testpersoner-1-antall", "9", "f-dokumentasjon", "notater", "f-dokumentasjon", "skjema",
	      "f-samtykke", "yes", "f-funn",
	      "63 prosent digitale tilsyn. Ingen hendelser. Én bruker ville tilbake til besøk fordi hun savnet å se noen.",
	      "f-beslutning", "pilot", "f-begrunnelse",
	      "Kriteriene er nådd. Piloten utvides til hele sone nord, med tilbud om fysisk tilsyn til dem som ønsker det.",
	      "c", "*", "q-hva-laerte", "At trygghet også handler om å se et menneske. Tilbudet må være frivillig.")},
	{"p1", "pilot", "eirik", NULL,
	 FORM("f-mal", "Vise at nattilsyn etter behov fungerer i en hel sone i seks måneder.", "f-omfang",
	      "Sone nord: 25 brukere med planlagt nattlig tilsyn, nattpatruljen på alle vakter.", "f-antall-brukere", "25",
	      "f-startdato", "~14", "f-sluttdato", "~196", "t-apne-punkter-0-punkt", "Personvernkonsekvensvurdering godkjent",
	      "t-apne-punkter-0-omrade", "juss", "t-apne-punkter-0-ansvarlig", "#kjell", "t-apne-punkter-0-frist", "~7",
	      "t-apne-punkter-0-status", "pagar", "t-apne-punkter-1-punkt", "Opplæring av alle på nattevakt",
	      "t-apne-punkter-1-omrade", "opplaering", "t-apne-punkter-1-ansvarlig", "#sofie", "t-apne-punkter-1-frist", "~10",
	      "t-apne-punkter-1-status", "pagar", "f-personvern-avklart", "no", "f-gevinster", "@p1-be-besok", "f-gevinster",
	      "@p1-be-sovn", "f-nullpunkt-malt", "yes", "f-tester", "@p1-te-tilsyn", "f-stoppkriterier",
	      "En uønsket hendelse som skyldes at varsel ikke ble fulgt opp.", "c", "ledere-informert nullpunkt")},

	/* ---- p2 (Innovasjonsguiden, identify needs) --------------------------- */
	{"p2", "utfordringsbeskrivelse", "arne", NULL,
	 FORM("f-tittel", "Flere hele stillinger i hjemmetjenesten", "f-tjenesteomrade", "helse-omsorg", "f-utfordring",
	      "Brukerne møter opptil 25 ulike ansatte i måneden. Mange ansatte har små stillinger og tar ekstravakter, og vi "
	      "bruker mye tid på å skaffe vikarer.",
	      "t-berorte-0-gruppe", "Brukere", "t-berorte-0-hvordan", "Mange ulike ansatte", "t-berorte-0-antall", "310",
	      "t-berorte-1-gruppe", "Ansatte i deltid", "t-berorte-1-hvordan", "Usikker inntekt og mange ekstravakter",
	      "t-berorte-1-antall", "38", "f-tall-og-fakta",
	      "Gjennomsnittlig stillingsstørrelse 62 prosent (personalsystemet, siste kvartal).", "f-plankobling",
	      "Arbeidsgiverstrategien og heltidserklæringen", "f-mal",
	      "Gjennomsnittlig stillingsstørrelse over 80 prosent innen to år.", "c", "losningsnoytral tall-og-stemme plan mal-satt")},
	{"p2", "team-og-forankring", "arne", NULL,
	 FORM("f-hvorfor", "Brukerne skal møte færre ulike ansatte, og vi skal bli en attraktiv arbeidsplass.",
	      "f-prosjekteier", "Kommunalsjef for helse og omsorg", "f-padriver", "#sofie", "t-team-0-navn", "Enhetsleder",
	      "t-team-0-rolle", "Prosjektleder, hjemmetjenesten", "t-team-0-tid", "15", "t-team-1-navn", "Sykepleier",
	      "t-team-1-rolle", "Pådriver", "t-team-1-tid", "10", "t-team-2-navn", "Hovedtillitsvalgt", "t-team-2-rolle",
	      "Tillitsvalgt", "t-team-2-tid", "5", "f-motepunkter", "Annenhver torsdag", "t-forankringsplan-0-gruppe",
	      "tillatelse", "t-forankringsplan-0-hvem", "Kommunalsjef og rådmannens ledergruppe",
	      "t-forankringsplan-0-aktivitet", "Orientering i ledergruppen", "t-forankringsplan-0-ansvarlig", "#marit",
	      "t-forankringsplan-0-frist", "~-60", "t-forankringsplan-0-gjort", "yes", "t-forankringsplan-1-gruppe", "kolleger",
	      "t-forankringsplan-1-hvem", "Alle ansatte i hjemmetjenesten", "t-forankringsplan-1-aktivitet",
	      "Personalmøter i alle soner", "t-forankringsplan-1-ansvarlig", "#arne", "t-forankringsplan-1-frist", "~20",
	      "t-forankringsplan-1-gjort", "no", "f-tillitsvalgte", "yes", "c", "eier-navngitt tid-avklart fire-grupper")},
	{"p2", "fem-fundamenter", "arne", NULL,
	 FORM("f-vurderingsdato", "~-45", "f-fase-ved-vurdering", "legg-grunnlaget", "f-behov-niva", "delvis", "f-behov-notat",
	      "Vi vet hva ansatte sier i medarbeiderundersøkelsen, men har ikke spurt brukerne.", "f-losning-niva", "mangler",
	      "f-padriver-niva", "godt", "f-team-niva", "delvis", "f-forankring-niva", "godt", "f-styrker",
	      "Sterk støtte fra ledelsen og tillitsvalgte.", "f-svakheter", "Lite innsikt fra brukerne ennå.",
	      "t-ma-jobbes-med-0-fundament", "behov", "t-ma-jobbes-med-0-tiltak", "Intervjuer med brukere og ansatte",
	      "t-ma-jobbes-med-0-ansvarlig", "#sofie", "t-ma-jobbes-med-0-frist", "~30", "t-ma-jobbes-med-0-status", "pagar")},

	/* ---- p3 (Veikart, new practice) --------------------------------------- */
	{"p3", "prosjektpresentasjon", "kristian", NULL,
	 FORM("f-prosjektnavn", "Inn på tunet – dagaktivitet på gård", "f-problem",
	      "Personer med demens som bor hjemme har få meningsfulle aktiviteter, og pårørende blir slitne.", "f-hvorfor-na",
	      "Ventelisten til korttidsopphold har økt hvert år.", "f-mal",
	      "Dagaktivitet på gård tre dager i uken for inntil tolv deltakere.", "f-strategikobling",
	      "Demensplanen og kommunens plan for helse og omsorg.", "f-hva-vi-ber-om", "Midler til en pilot på tre måneder.",
	      "c", "*")},
	{"p3", "pilot", "kristian", NULL,
	 FORM("f-mal", "Vise at dagaktivitet på gård gir gode dager og avlastning.", "f-omfang",
	      "Ni deltakere, én gård, tre dager i uken.", "f-antall-brukere", "9", "f-startdato", "~-560", "f-sluttdato", "~-470",
	      "t-apne-punkter-0-punkt", "Transportavtale", "t-apne-punkter-0-omrade", "praktisk", "t-apne-punkter-0-ansvarlig",
	      "#line", "t-apne-punkter-0-frist", "~-570", "t-apne-punkter-0-status", "lukket", "f-personvern-avklart", "yes",
	      "f-gevinster", "@p3-be-korttid", "f-gevinster", "@p3-be-avlastning", "f-nullpunkt-malt", "yes", "f-tester",
	      "@p3-te-pilot", "f-resultater", "91 prosent oppmøte. Pårørende rapporterte bedre søvn og mindre uro hjemme.",
	      "f-beslutning", "innfore", "f-begrunnelse", "Målene er nådd, og tilbudet kan finansieres innenfor rammen.", "c",
	      "*")},
	{"p3", "anskaffelse", "kristian", "Vi brukte kommunens eksisterende avtale om Inn på tunet-tjenester; ingen ny "
					  "anskaffelse trengtes.",
	 FORM("c", "")},
	{"p3", "gevinstplanlegging", "kristian", NULL,
	 FORM("f-bakgrunn", "Dagaktivitet på gård tre dager i uken er innført som fast tilbud.", "f-gevinster",
	      "@p3-be-korttid", "f-gevinster", "@p3-be-avlastning", "t-gevinstansvarlige-0-gevinst",
	      "Færre søknader om korttidsopphold", "t-gevinstansvarlige-0-ansvarlig", "Kommunalsjef for helse og omsorg",
	      "t-gevinstansvarlige-0-enhet", "Helse og omsorg", "t-gevinstansvarlige-0-bekreftet", "yes",
	      "t-gevinstansvarlige-1-gevinst", "Pårørende opplever avlastning", "t-gevinstansvarlige-1-ansvarlig",
	      "Prosjektleder, senere tjenesteeier", "t-gevinstansvarlige-1-enhet", "Dagaktivitetstilbudet",
	      "t-gevinstansvarlige-1-bekreftet", "yes", "f-nullpunkt-malt", "yes", "f-nullpunktsdato", "~-380",
	      "t-realiseringstiltak-0-tiltak", "Fast plass for alle på ventelisten til korttidsopphold som kan nyttiggjøre seg "
	      "tilbudet",
	      "t-realiseringstiltak-0-gevinst", "Færre søknader om korttidsopphold", "t-realiseringstiltak-0-ansvarlig",
	      "Tildelingskontoret", "t-realiseringstiltak-0-frist", "~-290", "t-realiseringstiltak-0-risiko", "lav",
	      "f-frigjort-tid", "mote-vekst", "f-budsjettvirkning", "1 200 000", "c", "*")},
	{"p3", "overgang-til-drift", "kristian", NULL,
	 FORM("f-tjenesteeier", "Leder for dagaktivitetstilbudet", "t-driftsansvar-0-omrade", "leverandor",
	      "t-driftsansvar-0-ansvarlig", "Leder for dagaktivitetstilbudet", "t-driftsansvar-0-enhet", "Helse og omsorg",
	      "t-driftsansvar-0-overtatt", "~-300", "t-driftsansvar-0-bekreftet", "yes", "t-driftsansvar-1-omrade", "gevinster",
	      "t-driftsansvar-1-ansvarlig", "Kommunalsjef", "t-driftsansvar-1-enhet", "Helse og omsorg",
	      "t-driftsansvar-1-overtatt", "~-300", "t-driftsansvar-1-bekreftet", "yes", "f-driftskostnad", "780 000",
	      "f-finansiert", "yes", "f-levert", "Tjenestebeskrivelse, avtale med gården, transportavtale og gevinstplan.",
	      "f-overlevert-dato", "~-300", "c", "*")},
	{"p3", "gevinstoppfolging", "kristian", NULL,
	 FORM("f-dato", "~-20", "f-periode", "Siste tolv måneder", "f-gevinster", "@p3-be-korttid", "f-gevinster",
	      "@p3-be-avlastning", "t-status-0-gevinst", "Færre søknader om korttidsopphold", "t-status-0-siste-maling",
	      "5 per måned", "t-status-0-malverdi", "4 per måned", "t-status-0-vurdering", "pa-sporet", "t-status-1-gevinst",
	      "Pårørende opplever avlastning", "t-status-1-siste-maling", "72 prosent", "t-status-1-malverdi", "80 prosent",
	      "t-status-1-vurdering", "pa-sporet", "f-samlet", "gronn", "f-delt-med", "ledelse", "f-delt-med", "politikere",
	      "f-delt-med", "nettverk", "f-beslutning", "fortsette", "f-neste-oppfolging", "~70", "c", "*")},
	{"p3", "erfaringsdeling", "kristian", NULL,
	 FORM("f-tittel", "Gode dager på gården", "f-historie",
	      "Vi startet med ni deltakere på én gård i tre måneder. Nå er tilbudet fast tre dager i uken.", "f-resultater",
	      "@p3-be-korttid", "f-resultater", "@p3-be-avlastning", "f-virket",
	      "Å la gårdbrukeren være med fra innsiktsfasen, og faste sjåfører som deltakerne kjenner.", "f-annerledes",
	      "Vi ville tatt med transporttjenesten tidligere.", "f-personopplysninger-fjernet", "yes", "f-publisere", "yes",
	      "f-spredning", "nettverk", "f-spredning", "nabokommuner", "c", "kort tall aerlig personvern kontakt")},

	/* ---- p4 (Veikart, implementation) ------------------------------------- */
	{"p4", "pilot", "line", NULL,
	 FORM("f-mal", "Vise at brukere kan ta medisinene selv med dispenser.", "f-omfang", "Tolv brukere i sone sør.",
	      "f-antall-brukere", "12", "f-startdato", "~-260", "f-sluttdato", "~-205", "t-apne-punkter-0-punkt",
	      "Rutine for fylling av dispensere", "t-apne-punkter-0-omrade", "praktisk", "t-apne-punkter-0-ansvarlig", "#line",
	      "t-apne-punkter-0-frist", "~-265", "t-apne-punkter-0-status", "lukket", "f-personvern-avklart", "yes",
	      "f-gevinster", "@p4-be-medisinbesok", "f-nullpunkt-malt", "yes", "f-tester", "@p4-te-pilot", "f-resultater",
	      "Ti av tolv tok medisinene selv. Medisinbesøkene i sonen gikk ned med 70 prosent.", "f-beslutning", "innfore",
	      "c", "*")},
	{"p4", "anskaffelse", "line", NULL,
	 FORM("f-hva-kjopes", "Medisindispensere med påminnelse og varsling, som leie med drift og support.",
	      "f-estimert-verdi", "1 400 000", "f-innkjopsradgiver", "Innkjøpsrådgiver i IKT-samarbeidet", "f-strategi",
	      "eksisterende-avtale", "t-gjennomforingsplan-0-aktivitet", "Avrop på rammeavtale", "t-gjennomforingsplan-0-dato",
	      "~-180", "t-gjennomforingsplan-0-ansvarlig", "Innkjøpsrådgiver", "f-livslop", "drift-support", "f-livslop",
	      "integrasjoner", "f-livslop", "databehandleravtale", "f-kontrakt-signert", "~-170", "c",
	      "innkjop-tidlig funksjon livslop")},
	{"p4", "implementeringsplan", "line", NULL,
	 FORM("f-tilnaerming", "trinnvis", "f-begrunnelse", "Sone for sone, slik at erfaringene fra hver sone tas med videre.",
	      "t-utrulling-0-enhet", "Sone sør", "t-utrulling-0-leder", "Soneleder sør", "t-utrulling-0-start", "~-150",
	      "t-utrulling-0-status", "innfort", "t-utrulling-1-enhet", "Sone sentrum", "t-utrulling-1-leder",
	      "Soneleder sentrum", "t-utrulling-1-start", "~-60", "t-utrulling-1-status", "forsinket", "t-utrulling-2-enhet",
	      "Sone nord", "t-utrulling-2-leder", "Soneleder nord", "t-utrulling-2-start", "~45", "t-utrulling-2-status",
	      "planlagt", "f-opplaering", "Superbrukere i hver sone lærer opp kolleger; e-læring for vikarer.",
	      "f-tillitsvalgte", "yes", "t-risiko-0-risiko", "Integrasjonen med fagsystemet blir forsinket", "t-risiko-0-niva",
	      "hoy", "t-risiko-0-tiltak", "Manuell rutine inntil integrasjonen er levert", "t-risiko-0-ansvarlig", "Prosjektleder",
	      "c", "ledere-eier tillitsvalgte risiko")},
	{"p4", "gevinstplanlegging", "line", NULL,
	 FORM("f-bakgrunn", "Dispensere innføres sone for sone.", "f-gevinster", "@p4-be-medisinbesok",
	      "t-gevinstansvarlige-0-gevinst", "Færre medisinbesøk", "t-gevinstansvarlige-0-ansvarlig", "Sonelederne",
	      "t-gevinstansvarlige-0-bekreftet", "yes", "f-nullpunkt-malt", "yes", "t-realiseringstiltak-0-tiltak",
	      "Ny besøksplan i hver sone når dispenserne er på plass", "t-realiseringstiltak-0-ansvarlig", "Sonelederne",
	      "t-realiseringstiltak-0-frist", "~60", "t-realiseringstiltak-0-risiko", "middels", "f-frigjort-tid",
	      "mer-tid-brukere")},

	/* ---- p5 (Innovasjonsguiden, explore) ---------------------------------- */
	{"p5", "utfordringsbeskrivelse", "per", NULL,
	 FORM("f-tittel", "Heltidskultur på Havøy sykehjem", "f-tjenesteomrade", "helse-omsorg", "f-utfordring",
	      "Hver tredje helgevakt dekkes av vikarer. Beboerne møter nye ansikter hele tiden, og ansatte får ikke større "
	      "stilling uten flere helger.",
	      "f-tall-og-fakta", "42 prosent av de ansatte har stilling under 50 prosent (personalsystemet).", "f-mal",
	      "Halvparten av de ansatte i hel stilling innen to år.", "c", "losningsnoytral tall-og-stemme mal-satt")},
	{"p5", "team-og-forankring", "per", NULL,
	 FORM("f-hvorfor", "Beboerne skal møte kjente ansikter, og ansatte skal kunne leve av jobben sin.", "f-prosjekteier",
	      "Kommunalsjef", "f-padriver", "#nora", "t-team-0-navn", "Prosjektleder", "t-team-0-rolle",
	      "Avdelingsleder, sykehjemmet", "t-team-0-tid", "20", "t-team-1-navn", "Tillitsvalgt", "t-team-1-rolle", "Pådriver",
	      "t-team-1-tid", "10", "t-forankringsplan-0-gruppe", "tillatelse", "t-forankringsplan-0-hvem",
	      "Hovedtillitsvalgte", "t-forankringsplan-0-aktivitet", "Drøftingsmøte om turnusmodeller",
	      "t-forankringsplan-0-ansvarlig", "#tone", "t-forankringsplan-0-frist", "~10", "t-forankringsplan-0-gjort", "no",
	      "f-tillitsvalgte", "yes", "f-interessenter", "@p5-sh-ansatte", "f-interessenter", "@p5-sh-tillitsvalgte", "c", "*")},
	{"p5", "intervjuguide", "per", NULL,
	 FORM("f-tema", "Stillingsstørrelse og helgearbeid", "f-formal",
	      "Forstå hvorfor ansatte takker nei til større stillinger.", "t-informanter-0-gruppe",
	      "Ansatte i stilling under 60 prosent", "t-informanter-0-antall", "10", "t-informanter-0-sarbar", "no",
	      "f-apningssporsmal", "Hvordan ser en vanlig uke ut for deg? Hva ville gjort det mulig å jobbe mer?",
	      "f-samtykke", "yes", "f-intervjuer", "#per", "f-referent", "#nora", "f-samtaler", "@p5-re-intervju", "f-innsikt",
	      "@p5-in-helg", "c", "*")},
	{"p5", "behov-eller-losning", "per", NULL,
	 FORM("f-opprinnelig", "«Vi trenger en ny turnus.»", "t-analyse-0-utsagn", "Vi trenger en ny turnus",
	      "t-analyse-0-type", "losning", "t-analyse-0-hvorfor", "Fordi ansatte ikke vil ha flere helger",
	      "t-analyse-1-utsagn", "Ansatte vil jobbe mer uten flere helger", "t-analyse-1-type", "behov", "f-hvem",
	      "Ansatte i deltid og beboerne", "f-behovsformulering",
	      "Ansatte i deltid trenger større stillinger uten flere helgevakter, fordi helgene er det som stopper dem.",
	      "f-underbygget", "godt-underbygget", "f-innsikt", "@p5-in-helg", "f-behov", "@p5-ne-heltid", "c", "*")},
	{"p5", "idegenerering", "per", NULL,
	 FORM("f-hvordan-kan-vi", "Hvordan kan flere få hel stilling uten å jobbe flere helger?", "f-behov", "@p5-ne-heltid",
	      "f-dato", "~-60", "f-deltakere", "ansatte", "f-deltakere", "ledere", "f-teknikker", "brainwriting", "f-teknikker",
	      "laer-av-andre", "f-antall-ideer", "23", "t-ideliste-0-ide", "Langvakter i helgene", "t-ideliste-0-moter-behovet",
	      "godt", "t-ideliste-0-gjennomforbar", "mulig", "t-ideliste-0-stemmer", "11", "t-ideliste-0-videre", "yes",
	      "t-ideliste-1-ide", "Ressurspool", "t-ideliste-1-moter-behovet", "noe", "t-ideliste-1-gjennomforbar", "lett",
	      "t-ideliste-1-stemmer", "6", "t-ideliste-1-videre", "yes", "f-begrunnelse",
	      "Langvakter gir flest timer per helg; ressurspoolen er lett å prøve.", "f-valgte-ideer", "@p5-id-langvakt",
	      "f-valgte-ideer", "@p5-id-pool", "c", "*")},

	/* ---- p6 (Veikart, insight) -------------------------------------------- */
	{"p6", "prosjektpresentasjon", "ida", NULL,
	 FORM("f-prosjektnavn", "Digital hjemmeoppfølging", "f-problem",
	      "Forverring av kols og hjertesvikt oppdages for sent, og mange blir akutt innlagt.", "f-hvorfor-na",
	      "Lang reisevei til sykehuset og flere eldre med kronisk sykdom.", "f-mal",
	      "Tidligere tegn på forverring og færre akutte innleggelser.", "f-strategikobling",
	      "Helsefellesskapets satsing på digital hjemmeoppfølging.", "f-hva-vi-ber-om",
	      "Tid fra to fastleger og hjemmesykepleien til innsiktsarbeidet.", "c", "*")},
	{"p6", "planleggingsverktoy", "ida", NULL,
	 FORM("f-prosjekteier", "#bjorn", "f-prosjektleder", "#ida", "f-behovseier", "Leder for hjemmesykepleien",
	      "t-team-0-medlem", "#ida", "t-team-0-rolle", "prosjektleder", "t-team-0-stillingsandel", "30", "t-team-1-medlem",
	      "#magnus", "t-team-1-rolle", "ressursperson", "t-team-1-stillingsandel", "10", "f-avgrensning",
	      "Innbyggere med kols eller hjertesvikt som får hjemmesykepleie.", "t-milepaeler-0-milepael", "Innsikt oppsummert",
	      "t-milepaeler-0-fase", "innsikt", "t-milepaeler-0-dato", "~60", "t-milepaeler-0-ansvarlig", "#ida",
	      "t-milepaeler-0-status", "pagar")},
	{"p6", "forankringsverktoy", "ida", NULL,
	 FORM("f-interessenter", "@p6-sh-pasienter", "f-interessenter", "@p6-sh-fastleger", "f-interessenter",
	      "@p6-sh-helseforetak", "f-behovseier", "Leder for hjemmesykepleien", "f-nokkelaktorer",
	      "Fastlegene må være med for at oppfølgingen skal henge sammen.", "f-forankringsaktiviteter", "@p6-an-legemote",
	      "f-forankringsaktiviteter", "@p6-an-sykehus")},
	{"p6", "intervju-og-observasjon", "ida", NULL,
	 FORM("f-formal", "Forstå hvordan innbyggerne merker at sykdommen forverres, og hva de gjør da.", "f-metoder",
	      "individuelt-intervju", "t-utvalg-0-gruppe", "Innbyggere med kols", "t-utvalg-0-antall", "6",
	      "t-utvalg-0-sarbar", "yes", "f-intervjuguide",
	      "Fortell om sist du ble dårligere. Hva merket du først? Hvem snakket du med?", "f-informasjon-og-samtykke",
	      "Skriftlig informasjon og samtykke.", "f-samtykke-innhentet", "yes", "f-slettes-innen", "~170", "f-aktiviteter",
	      "@p6-re-intervju", "f-ansvarlig", "#ida")},
};

/* Indicators with a year of monthly measurements: the baseline on the first
 * day of the month a year ago, a measurement on the first day of each month
 * since, the target target_months after this month. pace 1 follows the
 * straight line from baseline to target (on track); below 1 lags behind it. */
struct d_indicator {
	const char *benefit, *by, *name, *unit, *direction, *source, *method, *baseline_how;
	double baseline, target;
	int target_months;
	double pace;
	int note_month; /* months from now (-11 … 0) of the one comment */
	const char *note;
};

static const struct d_indicator INDICATORS[] = {
	{"p1-be-besok", "eirik", "Fysiske tilsynsbesøk per natt", "besøk per natt", "lower", "Fagsystemet (besøksstatistikk)",
	 "Gjennomsnitt per natt for måneden, fra besøksloggen.", "Snitt for de tre siste månedene før prosjektet.", 40, 22, 12,
	 1.0, -1, "Digitalt tilsyn hos de åtte testbrukerne."},
	{"p1-be-sovn", "sofie", "Brukere med tilsyn som sier de sover godt", "%", "higher", "Kort samtale ved dagbesøk",
	 "Andel som svarer «godt» eller «svært godt» på ett spørsmål om nattesøvn.", "Intervjuer og samtaler før testen.", 48,
	 75, 6, 1.0, -4, "Nye brukere i tjenesten denne måneden."},
	{"p3-be-korttid", "kristian", "Søknader om korttidsopphold fra deltakerne og deres pårørende", "søknader per måned",
	 "lower", "Tildelingskontoret", "Søknader fra personer i målgruppen, glidende snitt for de tre siste månedene.",
	 "Snitt per måned året før piloten.", 9, 4, 6, 1.0, -6, "Sommerstengt på gården i tre uker."},
	{"p3-be-avlastning", "kristian", "Pårørende som opplever avlastning", "%", "higher", "Spørreskjema til pårørende",
	 "Andel som svarer «i stor grad» på spørsmålet om avlastning.", "Samme spørsmål før piloten.", 35, 80, 3, 1.0, -1, NULL},
	{"p4-be-medisinbesok", "line", "Besøk bare for å dele ut medisiner", "besøk per uke", "lower", "Fagsystemet",
	 "Besøk der eneste oppgave var medisinutdeling, snitt per uke i måneden.", "Snitt for fire uker før piloten.", 310, 120,
	 6, 0.45, -3, "Integrasjonen er ikke levert; dispenserne fylles manuelt."},
};

/* Money: KS's calculators (benefit.h). a, b: cost per task and tasks avoided
 * (avoided-cost), or hours saved (saved-time, with the organisation's hourly
 * cost). start: days from today when realisation starts. */
struct d_calc {
	const char *benefit, *by, *kind;
	double a, b;
	int start;
};

static const struct d_calc CALCS[] = {
	{"p1-be-besok", "eirik", "saved-time", 1650, 0, 14},
	{"p3-be-korttid", "kristian", "avoided-cost", 38500, 48, -300},
};

/* Dot votes: "item:dots …" in the project's first voting round. */
struct d_vote {
	const char *project, *by, *ballot;
};

static const struct d_vote VOTES[] = {
	{"p1", "marit", "p1-id-tilsyn:2 p1-id-sensor:1"},
	{"p1", "eirik", "p1-id-tilsyn:3"},
	{"p1", "sofie", "p1-id-tilsyn:1 p1-id-sensor:2"},
	{"p1", "kjell", "p1-id-sensor:3"},
	{"p5", "per", "p5-id-langvakt:2 p5-id-pool:1"},
	{"p5", "nora", "p5-id-langvakt:3"},
	{"p5", "tone", "p5-id-langvakt:1 p5-id-pool:2"},
};

/* Comments (Markdown), on the project (tool NULL) or a tool. */
struct d_comment {
	const char *project, *tool, *by, *mention;
	int day;
	const char *body;
};

static const struct d_comment COMMENTS[] = {
	{"p1", NULL, "eirik", "marit", -6,
	 "Personvernombudet sier at **personvernkonsekvensvurderingen** må være godkjent før piloten starter. Kan vi ta den "
	 "i styringsgruppen neste uke?"},
	{"p1", NULL, "marit", NULL, -5, "Ja, jeg setter den opp som første sak. Få med risikovurderingen fra IKT også."},
	{"p1", "testplan", "sofie", "eirik", -40,
	 "Nattpatruljen ønsker en egen varsellyd for digitalt tilsyn, så den ikke forveksles med trygghetsalarmen."},
	{"p4", NULL, "line", "ragnhild", -12,
	 "Leverandøren lover integrasjonen innen fire uker. Vi holder sone nord på vent til den er på plass."},
};

/* ---- the network ---------------------------------------------------------- */

static const char NETWORK_NAME[] = "Pilotnettverk for tjenesteinnovasjon i helse og omsorg – Nordland";
static const char NETWORK_DESC[] =
	"Statsforvalteren i Nordland samler fire kommuner som fornyer helse- og omsorgstjenestene med tjenestedesign og "
	"Veikart for tjenesteinnovasjon. Kommunene deler erfaringer på samlinger, får veiledning mellom samlingene og "
	"rapporterer status hvert halvår. Nettverket er finansiert med skjønnsmidler.";

struct d_named {
	const char *kind, *name, *description;
};

static const struct d_named THEMES[] = {
	{NULL, "Velferdsteknologi", "Trygghet og mestring hjemme med teknologi."},
	{NULL, "Heltidskultur", "Flere hele stillinger og mindre deltid i helse og omsorg."},
	{NULL, "Inn på tunet", "Gårdsbaserte velferdstjenester, blant annet for personer med demens."},
};

static const struct d_named MEASURES[] = {
	{"joint", "Gevinstkartlegging med nullpunkt før test",
	 "Alle prosjekter kartlegger gevinstene og måler nullpunktet før de tester."},
	{"joint", "Brukerinvolvering i alle faser", "Brukere og pårørende er med i innsikt, idéutvikling og testing."},
	{"toolbox", "Opplæring i Veikart for tjenesteinnovasjon", "To dager for prosjektteamene, med KS' veiledere."},
	{"toolbox", "Velferdsteknologiens ABC", "Opplæringsprogram for ansatte som tar i bruk velferdsteknologi."},
};

struct d_share {
	const char *project, *theme, *by, *challenge;
};

static const struct d_share SHARES[] = {
	{"p1", "Velferdsteknologi", "eirik", "Trygt tilsyn om natten med færre fysiske besøk."},
	{"p3", "Inn på tunet", "kristian", "Dagaktivitet på gård for hjemmeboende personer med demens."},
	{"p4", "Velferdsteknologi", "line", "Medisindispensere for brukere som kan ta medisinene selv."},
	{"p5", "Heltidskultur", "per", "Større stillinger uten flere helgevakter."},
	{"p6", "Velferdsteknologi", "ida", "Digital hjemmeoppfølging av innbyggere med kronisk sykdom."},
};

struct d_progress {
	const char *project, *measure, *by;
	int progress;
	const char *note;
};

static const struct d_progress PROGRESS[] = {
	{"p1", "Gevinstkartlegging med nullpunkt før test", "eirik", 90, "Nullpunkt målt for begge gevinstene."},
	{"p1", "Brukerinvolvering i alle faser", "eirik", 70, "Brukere med i innsikt og test; pårørende før piloten."},
	{"p1", "Opplæring i Veikart for tjenesteinnovasjon", "eirik", 100, "Hele teamet deltok."},
	{"p1", "Velferdsteknologiens ABC", "sofie", 60, "Nattpatruljen er halvveis."},
	{"p3", "Gevinstkartlegging med nullpunkt før test", "kristian", 100, "Nullpunkt målt før piloten."},
	{"p3", "Brukerinvolvering i alle faser", "kristian", 100, "Pårørendeskolen var med hele veien."},
	{"p4", "Gevinstkartlegging med nullpunkt før test", "line", 100, "Målt før piloten."},
	{"p4", "Velferdsteknologiens ABC", "line", 80, "Sone sør og sentrum ferdig."},
	{"p5", "Gevinstkartlegging med nullpunkt før test", "per", 30, "Nullpunkt for innleie er hentet ut."},
	{"p5", "Brukerinvolvering i alle faser", "per", 40, "Pårørenderådet er invitert."},
	{"p6", "Opplæring i Veikart for tjenesteinnovasjon", "ida", 50, "Prosjektleder har tatt opplæringen."},
	{"p6", "Gevinstkartlegging med nullpunkt før test", "ida", 10, "Ikke startet."},
};

/* The default questions of a round (page_round.c), as a Norwegian user gets them. */
static const char *const QUESTION_KEYS[] = {"phase", "done", "measures", "results", "obstacles", "share", "help", "next"};
static const char *const QUESTION_TEXTS[] = {
	"Nåværende fase", "Hva er gjort siden forrige rapport?", "Fremdrift på de felles tiltakene",
	"Resultater og gevinster så langt", "Hindringer og risikoer", "Erfaringer som er verdt å dele", "Behov for hjelp",
	"Neste steg"};
enum { NQUESTIONS = 8 };

struct d_round {
	const char *title;
	int opened, due, closed; /* days from today; closed 0: open */
	const char *summary;
};

static const struct d_round ROUNDS[] = {
	{"Statusrapport 1 – første halvår", -130, -100, -85,
	 "Alle fem prosjektene har levert. Tre er grønne og to gule. Prosjektene i Fjellvik og Saltnes har kommet langt "
	 "med innsikt og test, og Saltnes har et Inn på tunet-tilbud i drift som de andre kan lære av. Havøy trenger hjelp "
	 "til å få tillitsvalgte med på å teste nye turnusmodeller; vi setter av tid til det på neste samling. Felles "
	 "utfordring: personvernvurderinger tar lang tid. Vi inviterer et personvernombud til neste samling.\n\n"
	 "Gevinstkartlegging med nullpunkt er gjennomført i tre av fem prosjekter."},
	{"Statusrapport 2 – andre halvår", -10, 21, 0, NULL},
};

struct d_report {
	int round;
	const char *project, *by, *rag;
	int day;
	bool submit;
	const char *answers[NQUESTIONS];
};

static const struct d_report REPORTS[] = {
	{0, "p1", "eirik", "green", -104, true,
	 {"Testing og pilotering",
	  "Innsikten er oppsummert, vi har holdt idéverksted med 14 deltakere, og konseptet «Nattilsyn etter behov» er "
	  "godkjent.",
	  "Nullpunkt er målt for nattbesøk.", "Nattbesøkene går litt ned etter nye vurderinger av hvem som trenger tilsyn.",
	  "Personvernkonsekvensvurderingen tar tid.", "Brukerne var mer positive til omrisskamera enn vi trodde.",
	  "Råd om personvernvurdering.", "Teste digitalt tilsyn hos åtte brukere."}},
	{0, "p3", "kristian", "green", -106, true,
	 {"Ny praksis", "Tilbudet har vært i drift hele halvåret, tre dager i uken.", "Alle felles tiltak er gjennomført.",
	  "Søknadene om korttidsopphold går ned som planlagt.", "Transport om vinteren.",
	  "Ta med gårdbrukeren fra starten.", "Ingen.", "Dele erfaringene med nettverket."}},
	{0, "p4", "line", "amber", -101, true,
	 {"Implementering", "Sone sør er i gang med dispensere.", "Opplæring etter Velferdsteknologiens ABC pågår.",
	  "Medisinbesøkene går ned i sone sør.", "Integrasjonen med fagsystemet er forsinket.",
	  "Superbrukere i hver sone.", "Press på leverandøren gjennom IKT-samarbeidet.", "Sone sentrum."}},
	{0, "p5", "per", "amber", -99, true,
	 {"Utforsk muligheter", "Intervjuer med ti ansatte, og behovet er formulert.", "Nullpunkt for innleie er hentet ut.",
	  "Ingen ennå.",
	  "Tillitsvalgte er skeptiske til langvakter.", "Spør de ansatte hva som stopper dem.",
	  "Hjelp til dialog med tillitsvalgte.", "Idéverksted."}},
	{0, "p6", "ida", "green", -100, true,
	 {"Forankring", "Prosjektet er godkjent, og teamet er på plass.", "Opplæring i veikartet er startet.", "Ingen ennå.",
	  "Fastlegenes tid.", "Start med fastlegemøtet.", "Ingen foreløpig.", "Intervjuer med innbyggere."}},
	{1, "p3", "kristian", "green", -3, true,
	 {"Ny praksis", "Tilbudet går som planlagt; to nye deltakere.", "Fullført.",
	  "Fem søknader om korttidsopphold i måneden mot ni før.", "Ingen nye.", "Deltakerne har laget egen gårdskalender.",
	  "Ingen.", "Gevinstoppfølging om tre måneder."}},
	{1, "p1", "eirik", "green", -2, false,
	 {"Testing og pilotering", "Testen hos åtte brukere er ferdig, og piloten i sone nord er planlagt.",
	  "Nullpunkt målt; brukerinvolvering i testen.", "63 prosent digitale tilsyn i testen.",
	  "Personvernkonsekvensvurderingen må bli ferdig.", NULL, NULL, "Start av piloten."}},
};

struct d_gathering {
	const char *kind, *title, *place, *by;
	int day;
	bool digital;
	const char *agenda, *notes;
};

static const struct d_gathering GATHERINGS[] = {
	{"kickoff", "Oppstartssamling for pilotnettverket", "Bodø", "hanne", -400, false,
	 "Velkommen og mål for nettverket\nVeikart for tjenesteinnovasjon – kort innføring\nKommunene presenterer "
	 "utfordringene sine\nAvtaler om veiledning og rapportering",
	 "Alle fire kommunene deltok med prosjektleder og prosjekteier. Vi ble enige om halvårlige statusrapporter og "
	 "veiledning hver fjortende dag i starten."},
	{"status", "Digitalt statusmøte", "", "hanne", -95, true, "Runde rundt bordet\nFelles utfordringer",
	 "Kort møte etter første statusrapport. Personvern og tillitsvalgte går igjen som tema."},
	{"gathering", "Nettverkssamling 2: Fra innsikt til test", "Fauske", "hanne", -75, false,
	 "Erfaringer med innsiktsarbeid\nPersonvern i innsikt og test (med personvernombud)\nPrototyper og tester – "
	 "verksted\nStudiebesøk på gården i Saltnes",
	 "Godt oppmøte og mye erfaringsdeling. Studiebesøket på gården var dagens høydepunkt."},
};

struct d_experience {
	int gathering;
	const char *project, *by, *body;
};

static const struct d_experience EXPERIENCES[] = {
	{2, "p1", "sofie", "Brukerne var mer positive til omrisskamera enn vi trodde, så lenge det ikke viser bilde."},
	{2, "p3", "kristian", "Gårdbrukeren var med i innsiktsfasen og kom med de beste ideene til aktiviteter."},
	{2, "p5", "per", "Spør ansatte hva som stopper dem fra å jobbe mer – svaret var helgene, ikke lønna."},
	{2, NULL, "jonas", "Flere prosjekter sliter med personvernvurderinger. Start dem tidlig, sammen med personvernombudet."},
};

struct d_action {
	int gathering;
	const char *owner;
	int deadline;
	bool done;
	const char *body;
};

static const struct d_action ACTIONS[] = {
	{2, "jonas", -40, true, "Dele malen for informasjon og samtykke ved observasjon."},
	{2, "eirik", 20, false, "Lage et felles forslag til indikator for nattbesøk."},
	{2, "hanne", -5, false, "Invitere leverandører av velferdsteknologi til felles dialogmøte."},
	{0, "hanne", -370, true, "Sende ut plan for veiledning til alle prosjektlederne."},
};

struct d_session {
	const char *project, *mode;
	int day;
	const char *notes;
};

/* Coaching: the coach (jonas) follows p1 and p5 with a plan and sessions. */
static const struct d_session SESSIONS[] = {
	{"p1", "video", -120, "Gjennomgang av konseptet. Teamet er usikre på hvor mange brukere testen trenger."},
	{"p1", "phone", -113, "Kort samtale om testplanen: åtte brukere er nok for å lære, ikke for å bevise."},
	{"p1", "visit", -99, "Besøk hos nattpatruljen. God stemning, men behov for bedre varsling i bilen."},
	{"p1", "video", -40, "Etter testen: kriteriene er nådd. Neste steg er piloten og personvernvurderingen."},
	{"p5", "video", -50, "Hvordan få tillitsvalgte med på å teste langvakter? Forslag: en liten test på frivillig basis."},
};

struct d_coaching_action {
	int session;
	const char *owner;
	int deadline;
	bool done;
	const char *body;
};

static const struct d_coaching_action COACHING_ACTIONS[] = {
	{0, "eirik", -110, true, "Skrive ned hva testen skal lære oss."},
	{2, "kjell", -80, true, "Sjekke varsling på nettbrett i bilene."},
	{3, "eirik", 10, false, "Få personvernkonsekvensvurderingen godkjent før piloten."},
	{4, "per", 15, false, "Avtale drøftingsmøte med hovedtillitsvalgte."},
};

/* The published case (p3), for everyone to read. */
static const char *const CASE_TEXTS[] = {
	/* title */ "Inn på tunet: dagaktivitet på gård for personer med demens",
	/* challenge */
	"Hjemmeboende personer med demens hadde bare dagaktivitet på sykehjemmet to dager i uken. Mange var urolige og lite "
	"aktive, pårørende var slitne, og flere søkte korttidsopphold enn kommunen hadde plass til.",
	/* what */
	"Vi fulgte Veikart for tjenesteinnovasjon. I innsiktsfasen snakket vi med pårørende på pårørendeskolen og med "
	"ansatte i dagaktivitetstilbudet. Sammen med en gårdbruker i kommunen utviklet vi et dagtilbud på gården, testet det "
	"med ni deltakere i tre måneder, og innførte det som fast tilbud tre dager i uken.",
	/* results */
	"91 prosent oppmøte i piloten. Pårørende rapporterer bedre søvn og mindre uro hjemme. Søknadene om korttidsopphold "
	"fra deltakerne har gått ned fra ni til fem i måneden.",
	/* benefits */ "Færre søknader om korttidsopphold\nPårørende opplever avlastning",
	/* lessons */
	"Ta med gårdbrukeren og transporttjenesten fra starten. Mål nullpunktet før piloten. Faste sjåfører betyr mye for "
	"deltakerne.",
	/* contact */ "Enhet for helse og omsorg, Saltnes kommune",
};

/* ======================================================================
 * Turning the data into rows
 * ====================================================================== */

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

enum { MAX_TEAM = 16, MAX_LINKS = 64, MAX_BALLOT = 8 };

struct demo_project {
	long long id, org_id, leader;
	const struct methodology *m;
	const char *phase; /* the current phase while gates are replayed */
	long long team[MAX_TEAM];
	int nteam;
};

struct demo {
	struct db *db;
	struct method_registry reg;
	long today;     /* day number (benefit.h) of today, local time as the pages use */
	long month0;    /* the first day of this month */
	long long now;  /* epoch seconds */
	char pw_hash[128];
	long long org_id[COUNT(ORGS)];
	long long user_id[COUNT(PEOPLE)];
	struct demo_project proj[COUNT(PROJECTS)];
	long long item_id[COUNT(ITEMS)];
	long long network_id, theme_id[COUNT(THEMES)], measure_id[COUNT(MEASURES)];
	long long round_id[COUNT(ROUNDS)], gathering_id[COUNT(GATHERINGS)], session_id[COUNT(SESSIONS)];
	char err[1024];
};

/* Record the first error (the rest follow from it). Returns -1. */
__attribute__((format(printf, 2, 3))) static int fail(struct demo *d, const char *fmt, ...)
{
	if (!d->err[0]) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(d->err, sizeof d->err, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* A store call's result: 0, or -1 with the database's message. */
static int stored(struct demo *d, int rc, const char *what)
{
	return rc == STORE_OK ? 0 : fail(d, "%s: %s", what, db_errmsg(d->db));
}

static int find_org(const char *h)
{
	for (int i = 0; h && i < COUNT(ORGS); i++)
		if (!strcmp(ORGS[i].h, h))
			return i;
	return -1;
}

static int find_person(const char *h)
{
	for (int i = 0; h && i < COUNT(PEOPLE); i++)
		if (!strcmp(PEOPLE[i].h, h))
			return i;
	return -1;
}

static int find_project(const char *h)
{
	for (int i = 0; h && i < COUNT(PROJECTS); i++)
		if (!strcmp(PROJECTS[i].h, h))
			return i;
	return -1;
}

static int find_item(const char *h)
{
	for (int i = 0; h && i < COUNT(ITEMS); i++)
		if (!strcmp(ITEMS[i].h, h))
			return i;
	return -1;
}

/* The user id of a person of the data (0, with the error set, if unknown). */
static long long uid(struct demo *d, const char *h)
{
	int i = find_person(h);
	if (i < 0 || !d->user_id[i]) {
		fail(d, "demo data: no person \"%s\"", h ? h : "(none)");
		return 0;
	}
	return d->user_id[i];
}

/* A project of the data by handle (-1, with the error set, if unknown). */
static int project(struct demo *d, const char *h)
{
	int p = find_project(h);
	if (p < 0)
		fail(d, "demo data: no project \"%s\"", h ? h : "(none)");
	return p;
}

/* The ISO date `days` from today, and the first day of the month `months`
 * from this one. */
static void day_iso(const struct demo *d, int days, char out[BENEFIT_ISO_LEN])
{
	benefit_day_format(d->today + days, out);
}

static long month_day(const struct demo *d, int months)
{
	long out = d->month0;
	benefit_day_add_months(d->month0, months, &out);
	return out;
}

/* Epoch seconds `days` from now. */
static long long at_day(const struct demo *d, int days)
{
	return d->now + (long long)days * 86400;
}

/* ---- form values ---------------------------------------------------------- */

/* The value to post for a value of the data: "@item" becomes the item's id
 * (only in a link field to the item's register, and only an item of the same
 * project made earlier), "#person" the user's id, "~N" the date N days from
 * today; anything else is itself. buf holds the converted text. NULL on an
 * error. */
static const char *resolve(struct demo *d, int p, const struct m_field *f, const char *v, char buf[32])
{
	long long n = 0;
	if (v[0] == '@') {
		int i = find_item(v + 1);
		if (i < 0 || !d->item_id[i]) {
			fail(d, "demo data: %s links to %s, which is unknown or comes later", PROJECTS[p].h, v);
			return NULL;
		}
		if (strcmp(ITEMS[i].project, PROJECTS[p].h) || !f || f->type != FT_LINK || strcmp(f->reg, ITEMS[i].reg)) {
			fail(d, "demo data: %s cannot link to %s there", PROJECTS[p].h, v);
			return NULL;
		}
		snprintf(buf, 32, "%lld", d->item_id[i]);
		return buf;
	}
	if (v[0] == '#') {
		n = uid(d, v + 1);
		if (!n)
			return NULL;
		snprintf(buf, 32, "%lld", n);
		return buf;
	}
	if (v[0] == '~') {
		if (!text_parse_ll(v + 1, &n) || n < -100000 || n > 100000) {
			fail(d, "demo data: bad relative date %s", v);
			return NULL;
		}
		day_iso(d, (int)n, buf);
		return buf;
	}
	return v;
}

/* Which field a form name of tool t fills: "f-KEY", "t-KEY-rows",
 * "t-KEY-ROW-COL" or "q-KEY" (*f: the field or column; NULL for a row count
 * or an answer). False if it fills nothing: a mistake in the data. */
static bool form_name(const struct m_tool *t, const char *name, const struct m_field **f)
{
	*f = NULL;
	if (!strncmp(name, "q-", 2)) {
		for (int i = 0; i < t->nquestions; i++)
			if (!strcmp(t->questions[i].key, name + 2))
				return true;
		return false;
	}
	for (int i = 0; i < t->nfields; i++) {
		const struct m_field *fl = &t->fields[i];
		size_t n = strlen(fl->key);
		if (fl->type != FT_TABLE && name[0] == 'f' && name[1] == '-' && !strcmp(name + 2, fl->key)) {
			*f = fl;
			return true;
		}
		if (fl->type != FT_TABLE || name[0] != 't' || name[1] != '-' || strncmp(name + 2, fl->key, n) || name[2 + n] != '-')
			continue;
		const char *rest = name + 3 + n;
		if (!strcmp(rest, "rows"))
			return true;
		char *end;
		strtol(rest, &end, 10);
		if (end == rest || *end != '-')
			continue;
		for (int c = 0; c < fl->ncols; c++)
			if (!strcmp(fl->cols[c].key, end + 1)) {
				*f = &fl->cols[c];
				return true;
			}
	}
	return false;
}

/* Is key one of the space-separated words of list? */
static bool listed(const char *list, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = list; p && (p = strstr(p, key)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* "c" in the data: tick the listed checklist items, or all ("*"). */
static int form_ticks(struct demo *d, const struct m_tool *t, const char *list, struct kvlist *form)
{
	char name[160];
	for (int i = 0; i < t->nchecklist; i++)
		if (!strcmp(list, "*") || listed(list, t->checklist[i].key)) {
			snprintf(name, sizeof name, "c-%s", t->checklist[i].key);
			kv_add(form, name, "1");
		}
	/* Every listed key must be an item of the checklist. */
	char *copy = xstrdup(list);
	int rc = 0;
	for (char *save = NULL, *k = strtok_r(copy, " ", &save); k && rc == 0; k = strtok_r(NULL, " ", &save)) {
		bool known = !strcmp(k, "*");
		for (int i = 0; i < t->nchecklist && !known; i++)
			known = !strcmp(t->checklist[i].key, k);
		if (!known)
			rc = fail(d, "demo data: %s has no checklist item %s", t->key, k);
	}
	free(copy);
	return rc;
}

/* The form a user would post for the data's name/value pairs, with the row
 * count of every table that has rows. */
static int form_build(struct demo *d, int p, const struct m_tool *t, const char *const *pairs, struct kvlist *form)
{
	for (int i = 0; pairs[i]; i += 2) {
		const char *name = pairs[i], *v = pairs[i + 1];
		const struct m_field *f;
		char buf[32];
		if (!v)
			return fail(d, "demo data: %s %s: %s has no value", PROJECTS[p].h, t->key, name);
		if (!strcmp(name, "c")) {
			if (form_ticks(d, t, v, form) != 0)
				return -1;
			continue;
		}
		if (!form_name(t, name, &f))
			return fail(d, "demo data: %s %s: no field %s", PROJECTS[p].h, t->key, name);
		if (pii_scan(v, NULL, 0) > 0)
			return fail(d, "demo data: %s %s: %s looks like personal data", PROJECTS[p].h, t->key, name);
		const char *val = resolve(d, p, f, v, buf);
		if (!val)
			return -1;
		kv_add(form, name, val);
	}
	for (int i = 0; i < t->nfields; i++) {
		const struct m_field *fl = &t->fields[i];
		if (fl->type != FT_TABLE)
			continue;
		char prefix[160], rows[200];
		snprintf(prefix, sizeof prefix, "t-%s-", fl->key);
		long max = -1;
		for (size_t k = 0; k < form->n; k++) {
			const char *key = form->items[k].key;
			char *end;
			if (strncmp(key, prefix, strlen(prefix)) != 0)
				continue;
			long r = strtol(key + strlen(prefix), &end, 10);
			if (end != key + strlen(prefix) && *end == '-' && r > max)
				max = r;
		}
		snprintf(rows, sizeof rows, "%ld", max + 1);
		snprintf(prefix, sizeof prefix, "t-%s-rows", fl->key);
		if (max >= 0 && !kv_get(form, prefix))
			kv_add(form, prefix, rows);
	}
	return 0;
}

/* The entry the data describes, read by the form reader every save uses (so
 * types, options, dates and team members are checked as for a user). NULL on
 * an error. The caller decrefs. */
static json_t *entry_of(struct demo *d, int p, const struct m_tool *t, const char *const *pairs)
{
	struct kvlist form = {0};
	json_t *e = NULL;
	if (form_build(d, p, t, pairs, &form) == 0) {
		struct entry_errors errs = {0};
		e = entry_from_form(t, &form, d->proj[p].team, d->proj[p].nteam, &errs);
		if (errs.n) {
			fail(d, "demo data: %s %s: %s is refused (entry error %d)", PROJECTS[p].h, t->key, errs.e[0].name,
			     (int)errs.e[0].err);
			json_decref(e);
			e = NULL;
		}
	}
	kv_free(&form);
	return e;
}

/* ---- organisations, people, projects ----------------------------------------------- */

static int make_orgs(struct demo *d)
{
	for (int i = 0; i < COUNT(ORGS); i++) {
		enum acct_err e = accounts_create_org(d->db, ORGS[i].name, ORGS[i].kind, NULL, ORGS[i].kommunenr, &d->org_id[i]);
		if (e != ACCT_OK)
			return fail(d, "%s: %s", ORGS[i].name, acct_err_text(e));
		if (ORGS[i].hourly > 0 &&
		    stored(d, store_org_hourly_cost_set(d->db, d->org_id[i], ORGS[i].hourly), "hourly cost") != 0)
			return -1;
	}
	return 0;
}

static int make_people(struct demo *d)
{
	for (int i = 0; i < COUNT(PEOPLE); i++) {
		const struct d_person *u = &PEOPLE[i];
		enum acct_err e = accounts_create_user(d->db, u->email, u->name, u->site_admin, &d->user_id[i]);
		if (e != ACCT_OK)
			return fail(d, "%s: %s", u->email, acct_err_text(e));
		if (stored(d, store_user_set_password(d->db, d->user_id[i], d->pw_hash), "password") != 0)
			return -1;
		int o = find_org(u->org);
		if (u->org && o < 0)
			return fail(d, "demo data: no organisation \"%s\"", u->org);
		if (o >= 0 && stored(d, store_membership_set(d->db, d->user_id[i], d->org_id[o], u->role), "membership") != 0)
			return -1;
	}
	return 0;
}

/* Parse a team "person:role …" into the project's members. */
static int make_team(struct demo *d, int p)
{
	struct demo_project *dp = &d->proj[p];
	char *copy = xstrdup(PROJECTS[p].team);
	int rc = 0;
	for (char *save = NULL, *m = strtok_r(copy, " ", &save); m && rc == 0; m = strtok_r(NULL, " ", &save)) {
		char *role = strchr(m, ':');
		if (!role || dp->nteam >= MAX_TEAM) {
			rc = fail(d, "demo data: bad team member \"%s\"", m);
			break;
		}
		*role++ = '\0';
		int who = find_person(m);
		if (who < 0 || strcmp(PEOPLE[who].org ? PEOPLE[who].org : "", PROJECTS[p].org)) {
			rc = fail(d, "demo data: %s is not in %s's organisation", m, PROJECTS[p].h);
			break;
		}
		long long id = d->user_id[who];
		dp->team[dp->nteam++] = id;
		if (!strcmp(role, "leader"))
			dp->leader = id;
		rc = stored(d, store_project_member_set(d->db, dp->id, id, role, false), "team");
	}
	free(copy);
	if (rc == 0 && !dp->leader)
		rc = fail(d, "demo data: %s has no leader", PROJECTS[p].h);
	return rc;
}

/* The newest built-in version of a methodology: the data is written for its
 * tools, whatever versions an organisation has imported since. */
static const struct methodology *builtin(struct demo *d, const char *key)
{
	const struct methodology *m = NULL;
	for (int i = 0; i < d->reg.n; i++)
		if (d->reg.all[i]->builtin && !strcmp(d->reg.all[i]->key, key) &&
		    (!m || d->reg.all[i]->version_id > m->version_id))
			m = d->reg.all[i];
	return m ? m : registry_current(&d->reg, key);
}

static int make_projects(struct demo *d)
{
	for (int p = 0; p < COUNT(PROJECTS); p++) {
		const struct d_project *s = &PROJECTS[p];
		struct demo_project *dp = &d->proj[p];
		int o = find_org(s->org);
		dp->m = builtin(d, s->method);
		if (o < 0 || !dp->m)
			return fail(d, "demo data: %s: no organisation %s or methodology %s", s->h, s->org, s->method);
		dp->org_id = d->org_id[o];
		dp->phase = dp->m->phases[0].key;
		char start[BENEFIT_ISO_LEN], end[BENEFIT_ISO_LEN];
		day_iso(d, s->start, start);
		day_iso(d, s->end, end);
		/* store_project_create only reads the strings. */
		struct project pr = {.org_id = dp->org_id, .title = (char *)s->title, .challenge = (char *)s->challenge,
				     .goals = (char *)s->goals, .service_area = (char *)s->area,
				     .methodology_version_id = dp->m->version_id, .start_date = start, .planned_end = end,
				     .visibility = (char *)s->visibility, .current_phase = (char *)dp->phase};
		char first[32];
		snprintf(first, sizeof first, "%.*s", (int)strcspn(s->team, ":"), s->team);
		long long creator = uid(d, first);
		if (!creator || stored(d, store_project_create(d->db, &pr, creator, &dp->id), "project") != 0 || make_team(d, p) != 0 ||
		    stored(d, store_activity_add(d->db, dp->id, creator, "project-created", NULL), "activity") != 0 ||
		    stored(d, store_demo_date_project(d->db, dp->id, at_day(d, s->start)), "project date") != 0)
			return -1;
		if ((strcmp(s->rag, "green") || s->rag_comment) &&
		    stored(d, store_project_set_rag(d->db, dp->id, s->rag, s->rag_comment), "status") != 0)
			return -1;
	}
	return 0;
}

/* ---- the roadmap: gate decisions and step statuses ------------------------------------ */

/* Replay the gate decisions: each moves its project from the phase it is in
 * to the next one, with the exit criteria met except those listed. */
static int make_gates(struct demo *d)
{
	for (int i = 0; i < COUNT(GATES); i++) {
		const struct d_gate *g = &GATES[i];
		int p = project(d, g->project);
		if (p < 0)
			return -1;
		struct demo_project *dp = &d->proj[p];
		const struct m_phase *ph = method_phase(dp->m, g->phase);
		if (!ph || strcmp(dp->phase, g->phase) || ph->order >= dp->m->nphases)
			return fail(d, "demo data: %s cannot pass the gate of %s from %s", g->project, g->phase, dp->phase);
		const char *next = dp->m->phases[ph->order].key;
		json_t *crit = json_object();
		for (int k = 0; k < ph->nexit; k++)
			json_object_set_new(crit, ph->exit[k].key, json_boolean(!listed(g->unmet, ph->exit[k].key)));
		bool bad = false;
		char *copy = xstrdup(g->unmet ? g->unmet : "");
		for (char *save = NULL, *k = strtok_r(copy, " ", &save); k; k = strtok_r(NULL, " ", &save))
			bad |= json_object_get(crit, k) == NULL;
		free(copy);
		if (bad) {
			json_decref(crit);
			return fail(d, "demo data: %s: unknown exit criterion in \"%s\"", g->phase, g->unmet);
		}
		char *crit_s = json_dumps(crit, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(crit);
		long long by = uid(d, g->by);
		int rc = !by ? -1 : stored(d, store_gate_add(d->db, dp->id, g->phase, "continue", next, crit_s, g->reason, by), "gate");
		free(crit_s);
		if (rc != 0 || stored(d, store_project_set_phase(d->db, dp->id, next, "active"), "phase") != 0 ||
		    stored(d, store_activity_add(d->db, dp->id, by, "gate-decision", g->phase), "activity") != 0 ||
		    stored(d, store_demo_date_gate(d->db, dp->id, g->phase, at_day(d, g->day)), "gate date") != 0)
			return -1;
		dp->phase = next;
	}
	for (int p = 0; p < COUNT(PROJECTS); p++)
		if (strcmp(d->proj[p].phase, PROJECTS[p].phase))
			return fail(d, "demo data: the gates take %s to %s, not %s", PROJECTS[p].h, d->proj[p].phase, PROJECTS[p].phase);
	return 0;
}

/* Steps of the phases a project has passed are done; then the listed ones. */
static int make_steps(struct demo *d)
{
	for (int p = 0; p < COUNT(PROJECTS); p++) {
		const struct methodology *m = d->proj[p].m;
		const struct m_phase *cur = method_phase(m, d->proj[p].phase);
		for (int i = 0; cur && i < m->nphases && m->phases[i].order < cur->order; i++)
			for (int s = 0; s < m->phases[i].nsteps; s++)
				if (stored(d, store_step_status_set(d->db, d->proj[p].id, m->phases[i].steps[s].key, "done",
								    d->proj[p].leader),
					   "step") != 0)
					return -1;
	}
	for (int i = 0; i < COUNT(STEPS); i++) {
		int p = project(d, STEPS[i].project);
		if (p < 0)
			return -1;
		if (!method_step(d->proj[p].m, STEPS[i].step))
			return fail(d, "demo data: %s has no step %s", STEPS[i].project, STEPS[i].step);
		if (stored(d, store_step_status_set(d->db, d->proj[p].id, STEPS[i].step, STEPS[i].status, d->proj[p].leader),
			   "step") != 0)
			return -1;
	}
	return 0;
}

/* ---- registers ------------------------------------------------------------------------ */

/* A register's fields with the per-project options the pages add: the
 * "phase" choice of stakeholders gets the project's phases. */
struct reg_tool {
	struct m_tool tool;
	struct m_field fields[32];
	struct m_item phases[16];
};

static const struct m_tool *reg_tool(struct reg_tool *rt, const struct reg_def *r, const struct methodology *m)
{
	rt->tool = *r->tool;
	int n = r->tool->nfields < 32 ? r->tool->nfields : 32;
	memcpy(rt->fields, r->tool->fields, (size_t)n * sizeof rt->fields[0]);
	rt->tool.fields = rt->fields;
	rt->tool.nfields = n;
	for (int i = 0; i < n; i++) {
		struct m_field *f = &rt->fields[i];
		if (f->type != FT_CHOICE || f->nopts || strcmp(f->key, "phase"))
			continue;
		int k = 0;
		for (; k < m->nphases && k < 16; k++)
			rt->phases[k] = (struct m_item){.key = m->phases[k].key, .text = m->phases[k].name};
		f->opts = rt->phases;
		f->nopts = k;
	}
	return &rt->tool;
}

/* One register item, stored the way page_item.c stores a new one. */
static int make_item(struct demo *d, int i)
{
	const struct d_item *it = &ITEMS[i];
	int p = project(d, it->project);
	const struct reg_def *r = register_find(it->reg);
	if (p < 0 || !r)
		return fail(d, "demo data: item %s: no project or register", it->h);
	struct demo_project *dp = &d->proj[p];
	struct reg_tool rt;
	const struct m_tool *t = reg_tool(&rt, r, dp->m);
	long long by = it->by ? uid(d, it->by) : dp->leader, owner = 0;
	if (it->owner) {
		int o = find_person(it->owner);
		if (o < 0 || !PEOPLE[o].org || strcmp(PEOPLE[o].org, PROJECTS[p].org))
			return fail(d, "demo data: the owner of %s must be in the project's organisation", it->h);
		owner = d->user_id[o];
	}
	json_t *e = by ? entry_of(d, p, t, it->f) : NULL;
	if (!e)
		return -1;
	const char *title = json_string_value(entry_field(e, t->fields[0].key));
	const char *retention = json_string_value(entry_field(e, "retention"));
	json_t *empty = entry_new(), *changed = entry_diff(t, empty, e);
	char *data = json_dumps(e, JSON_COMPACT | JSON_SORT_KEYS), *changed_s = json_dumps(changed, JSON_COMPACT);
	long long src[MAX_LINKS];
	int nsrc = 0;
	for (int k = 0; k < t->nfields; k++)
		if (t->fields[k].type == FT_LINK)
			nsrc += register_link_ids(e, t->fields[k].key, src + nsrc, MAX_LINKS - nsrc);
	int rc = title ? 0 : fail(d, "demo data: item %s has no title", it->h);
	if (rc == 0)
		rc = stored(d, store_item_create(d->db, dp->id, r->key, title, data, "", retention, changed_s, by, &d->item_id[i]),
			    "register item");
	if (rc == 0)
		rc = stored(d, store_links_set(d->db, dp->id, d->item_id[i], src, nsrc), "links");
	if (rc == 0 && !strcmp(r->key, "benefit"))
		rc = stored(d, store_benefit_owner_set(d->db, d->item_id[i], dp->id, owner), "benefit owner");
	if (rc == 0)
		rc = stored(d, store_activity_add(d->db, dp->id, by, "item-created", r->key), "activity");
	free(data);
	free(changed_s);
	json_decref(changed);
	json_decref(empty);
	json_decref(e);
	return rc;
}

/* ---- tools ---------------------------------------------------------------------------- */

/* One save of a tool, as page_tool.c saves it: the next revision, with the
 * list of what changed. */
static int make_tool(struct demo *d, const struct d_tool *s)
{
	int p = project(d, s->project);
	if (p < 0)
		return -1;
	struct demo_project *dp = &d->proj[p];
	const struct m_tool *t = method_tool(dp->m, s->tool);
	if (!t)
		return fail(d, "demo data: %s has no tool %s", PROJECTS[p].h, s->tool);
	long long by = uid(d, s->by);
	json_t *e = by ? entry_of(d, p, t, s->f) : NULL;
	if (!e)
		return -1;
	char *cur = NULL, *cur_reason = NULL;
	long long rev = 0;
	bool cur_nr = false, nr = s->not_relevant != NULL;
	store_entry_get(d->db, dp->id, t->key, &cur, &rev, &cur_nr, &cur_reason);
	json_t *old = cur ? json_loads(cur, 0, NULL) : NULL;
	if (!old)
		old = entry_new();
	json_t *changed = entry_diff(t, old, e);
	if (nr != cur_nr)
		json_array_append_new(changed, json_string("n:not-relevant"));
	char *data = json_dumps(e, JSON_COMPACT | JSON_SORT_KEYS), *changed_s = json_dumps(changed, JSON_COMPACT);
	int rc = stored(d, store_entry_save(d->db, dp->id, t->key, data, rev + 1, nr, s->not_relevant, changed_s, by), "tool");
	if (rc == 0)
		rc = stored(d, store_activity_add(d->db, dp->id, by, "tool-saved", t->key), "activity");
	free(data);
	free(changed_s);
	free(cur);
	free(cur_reason);
	json_decref(changed);
	json_decref(old);
	json_decref(e);
	return rc;
}

/* ---- benefits: indicators, a year of measurements, money ---------------------------- */

static int make_indicator(struct demo *d, const struct d_indicator *s)
{
	int i = find_item(s->benefit);
	if (i < 0 || strcmp(ITEMS[i].reg, "benefit") || !d->item_id[i])
		return fail(d, "demo data: no benefit %s", s->benefit);
	long long by = uid(d, s->by);
	if (!by)
		return -1;
	long base_day = month_day(d, -12), target_day = month_day(d, s->target_months);
	struct indicator in = {.benefit_id = d->item_id[i], .name = (char *)s->name, .unit = (char *)s->unit,
			       .source = (char *)s->source, .method = (char *)s->method,
			       .baseline_how = (char *)s->baseline_how, .lower_is_better = !strcmp(s->direction, "lower"),
			       .has_baseline = true, .has_target = true, .baseline_value = s->baseline,
			       .target_value = s->target};
	snprintf(in.frequency, sizeof in.frequency, "monthly");
	benefit_day_format(base_day, in.baseline_date);
	benefit_day_format(target_day, in.target_date);
	/* store_indicator_save only reads the strings. */
	if (stored(d, store_indicator_save(d->db, &in), "indicator") != 0)
		return -1;
	double range = s->target - s->baseline;
	for (int k = -11; k <= 0; k++) {
		long day = month_day(d, k);
		double planned = s->baseline + range * (double)(day - base_day) / (double)(target_day - base_day);
		/* A small, fixed wobble around the line, well inside the tolerance
		 * for "on track" (BENEFIT_TRACK_TOLERANCE). */
		static const int wobble[3] = {1, 0, -1};
		double v = s->baseline + (planned - s->baseline) * s->pace + range * 0.012 * wobble[(k + 12) % 3];
		v = fabs(range) >= 50 ? round(v) : round(v * 10) / 10;
		char iso[BENEFIT_ISO_LEN];
		benefit_day_format(day, iso);
		if (stored(d, store_measurement_add(d->db, in.id, iso, v, s->unit, k == s->note_month && s->note ? s->note : "", by),
			   "measurement") != 0)
			return -1;
	}
	int p = find_project(ITEMS[i].project);
	return stored(d, store_activity_add(d->db, d->proj[p].id, by, "measured", "benefit"), "activity");
}

static int make_calculation(struct demo *d, const struct d_calc *s)
{
	int i = find_item(s->benefit);
	if (i < 0 || !d->item_id[i])
		return fail(d, "demo data: no benefit %s", s->benefit);
	int p = find_project(ITEMS[i].project), o = find_org(PROJECTS[p].org);
	long long by = uid(d, s->by);
	struct benefit_calc c = {0};
	enum benefit_err e = !strcmp(s->kind, "avoided-cost") ? benefit_calc_avoided_cost(s->a, s->b, &c)
			     : !strcmp(s->kind, "saved-time")  ? benefit_calc_saved_time(s->a, ORGS[o].hourly, &c)
							       : BE_INVALID;
	if (e != BE_OK || !by)
		return fail(d, "demo data: calculation of %s: %s", s->benefit, benefit_err_str(e));
	/* The inputs as page_benefit.c stores them. */
	json_t *j = json_pack("{s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f,s:f}", "cost_per_task", c.cost_per_task, "tasks_avoided",
			      c.tasks_avoided, "before", c.before, "after", c.after, "unit_price", c.unit_price, "price_today",
			      c.price_today, "price_future", c.price_future, "volume", c.volume, "hours_saved", c.hours_saved,
			      "hourly_cost", c.hourly_cost);
	char *inputs = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS), start[BENEFIT_ISO_LEN];
	day_iso(d, s->start, start);
	int rc = stored(d, store_calculation_add(d->db, d->item_id[i], s->kind, inputs, c.yearly, start, NULL, by), "calculation");
	free(inputs);
	json_decref(j);
	return rc;
}

/* ---- dot votes and comments --------------------------------------------------------- */

static int make_votes(struct demo *d, const struct d_vote *v)
{
	int p = project(d, v->project);
	long long by = uid(d, v->by);
	if (p < 0 || !by)
		return -1;
	long long pid = d->proj[p].id, round = store_vote_round(d->db, pid), items[MAX_BALLOT];
	int dots[MAX_BALLOT], n = 0;
	if (round == 0) {
		if (stored(d, store_vote_round_open(d->db, pid, 1, d->proj[p].leader), "vote round") != 0)
			return -1;
		round = 1;
	}
	char *copy = xstrdup(v->ballot);
	for (char *save = NULL, *b = strtok_r(copy, " ", &save); b && n < MAX_BALLOT; b = strtok_r(NULL, " ", &save)) {
		char *colon = strchr(b, ':');
		long long dn = 0;
		if (colon)
			*colon = '\0';
		int i = find_item(b);
		if (!colon || !text_parse_ll(colon + 1, &dn) || i < 0 || strcmp(ITEMS[i].reg, "idea") ||
		    strcmp(ITEMS[i].project, v->project)) {
			free(copy);
			return fail(d, "demo data: bad ballot %s", v->ballot);
		}
		items[n] = d->item_id[i];
		dots[n++] = (int)dn;
	}
	free(copy);
	if (votes_check(dots, n) != 0)
		return fail(d, "demo data: too many dots in %s", v->ballot);
	return stored(d, store_votes_set(d->db, pid, round, by, items, dots, n), "votes");
}

static int make_comment(struct demo *d, const struct d_comment *s)
{
	int p = project(d, s->project);
	long long by = uid(d, s->by), id = 0;
	if (p < 0 || !by)
		return -1;
	if (s->tool && !method_tool(d->proj[p].m, s->tool))
		return fail(d, "demo data: %s has no tool %s", s->project, s->tool);
	char *html = markdown_to_html(s->body);
	int rc = stored(d, store_comment_add(d->db, d->proj[p].id, s->tool, by, s->body, html, &id), "comment");
	free(html);
	if (rc == 0 && s->mention) {
		long long to = uid(d, s->mention);
		rc = to ? stored(d, store_mention_add(d->db, id, to), "mention") : -1;
	}
	if (rc == 0)
		rc = stored(d, store_activity_add(d->db, d->proj[p].id, by, "commented-on", s->tool), "activity");
	if (rc == 0)
		rc = stored(d, store_demo_date_comment(d->db, id, at_day(d, s->day)), "comment date");
	return rc;
}

/* ---- the network ---------------------------------------------------------------------- */

/* The id (column 0) of the first row whose column name_col is `name`; 0 if
 * none. Runs the statement to its end and resets it. */
static long long id_by_name(struct db_stmt *s, const char *name, int name_col)
{
	long long id = 0;
	while (db_step(s) == DB_ROW)
		if (!id && !strcmp(db_col_text(s, name_col), name))
			id = db_col_int(s, 0);
	db_reset(s);
	return id;
}

static long long theme_id(struct demo *d, const char *name)
{
	for (int i = 0; i < COUNT(THEMES); i++)
		if (!strcmp(THEMES[i].name, name))
			return d->theme_id[i];
	fail(d, "demo data: no theme %s", name);
	return 0;
}

static long long measure_id(struct demo *d, const char *name)
{
	for (int i = 0; i < COUNT(MEASURES); i++)
		if (!strcmp(MEASURES[i].name, name))
			return d->measure_id[i];
	fail(d, "demo data: no measure %s", name);
	return 0;
}

/* The network with its members, leader and coach, themes and measures, and
 * the projects shared with it. */
static int make_network(struct demo *d)
{
	long long leader = uid(d, "hanne"), coach = uid(d, "jonas");
	char start[BENEFIT_ISO_LEN], end[BENEFIT_ISO_LEN];
	day_iso(d, -420, start);
	day_iso(d, 310, end);
	struct network n = {.name = (char *)NETWORK_NAME, .description = (char *)NETWORK_DESC,
			    .owner_org_id = d->org_id[find_org("sf")], .period_start = start, .period_end = end,
			    .methodology_key = "veikart"};
	static const char *const members[][2] = {
		{"fjellvik", "pilot"}, {"saltnes", "experience"}, {"havoy", "pilot"}, {"reinfjord", "pilot"}};
	if (!leader || !coach || stored(d, store_network_create(d->db, &n, leader, &d->network_id), "network") != 0 ||
	    stored(d, store_network_person_set(d->db, d->network_id, leader, "leader"), "network leader") != 0 ||
	    stored(d, store_network_person_set(d->db, d->network_id, coach, "coach"), "coach") != 0)
		return -1;
	for (int i = 0; i < COUNT(members); i++)
		if (stored(d, store_network_org_set(d->db, d->network_id, d->org_id[find_org(members[i][0])], members[i][1]),
			   "network member") != 0)
			return -1;
	for (int i = 0; i < COUNT(THEMES); i++) {
		if (stored(d, store_network_theme_add(d->db, d->network_id, THEMES[i].name, THEMES[i].description), "theme") != 0)
			return -1;
		d->theme_id[i] = id_by_name(store_network_themes(d->db, d->network_id), THEMES[i].name, 1);
	}
	for (int i = 0; i < COUNT(MEASURES); i++) {
		if (stored(d, store_network_measure_add(d->db, d->network_id, MEASURES[i].kind, MEASURES[i].name,
							MEASURES[i].description),
			   "measure") != 0)
			return -1;
		d->measure_id[i] = id_by_name(store_network_measures(d->db, d->network_id), MEASURES[i].name, 2);
	}
	for (int i = 0; i < COUNT(SHARES); i++) {
		int p = project(d, SHARES[i].project);
		long long by = uid(d, SHARES[i].by), theme = theme_id(d, SHARES[i].theme);
		if (p < 0 || !by || !theme ||
		    stored(d, store_project_share(d->db, d->proj[p].id, d->network_id, theme, SHARES[i].challenge, by), "share") != 0 ||
		    stored(d, store_activity_add(d->db, d->proj[p].id, by, "shared", NULL), "activity") != 0)
			return -1;
	}
	for (int i = 0; i < COUNT(PROGRESS); i++) {
		int p = project(d, PROGRESS[i].project);
		long long by = uid(d, PROGRESS[i].by), m = measure_id(d, PROGRESS[i].measure);
		if (p < 0 || !by || !m ||
		    stored(d, store_project_measure_set(d->db, d->proj[p].id, m, PROGRESS[i].progress, PROGRESS[i].note, by),
			   "measure progress") != 0)
			return -1;
	}
	return 0;
}

/* Status rounds with their reports; the finished one has a summary and is closed. */
static int make_rounds(struct demo *d)
{
	long long leader = uid(d, "hanne");
	json_t *qs = json_array();
	for (int i = 0; i < NQUESTIONS; i++)
		json_array_append_new(qs, json_pack("{s:s,s:s}", "key", QUESTION_KEYS[i], "text", QUESTION_TEXTS[i]));
	char *questions = json_dumps(qs, JSON_COMPACT);
	json_decref(qs);
	int rc = 0;
	for (int r = 0; r < COUNT(ROUNDS) && rc == 0; r++) {
		char due[BENEFIT_ISO_LEN];
		day_iso(d, ROUNDS[r].due, due);
		rc = stored(d, store_round_create(d->db, d->network_id, ROUNDS[r].title, due, questions, leader, &d->round_id[r]),
			    "round");
	}
	free(questions);
	for (int i = 0; i < COUNT(REPORTS) && rc == 0; i++) {
		const struct d_report *s = &REPORTS[i];
		int p = project(d, s->project);
		long long by = uid(d, s->by), id = 0;
		if (p < 0 || !by || !store_project_is_shared(d->db, d->proj[p].id, d->network_id)) {
			rc = fail(d, "demo data: report of %s: not a shared project", s->project);
			break;
		}
		json_t *a = json_object();
		for (int q = 0; q < NQUESTIONS; q++)
			if (s->answers[q])
				json_object_set_new(a, QUESTION_KEYS[q], json_string(s->answers[q]));
		char *answers = json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(a);
		rc = stored(d, store_report_save_draft(d->db, d->round_id[s->round], d->proj[p].id, answers, s->rag, by, &id), "report");
		free(answers);
		if (rc == 0 && s->submit)
			rc = stored(d, store_report_submit(d->db, id, by), "report");
		if (rc == 0 && s->submit)
			rc = stored(d, store_activity_add(d->db, d->proj[p].id, by, "report-submitted", NULL), "activity");
		if (rc == 0)
			rc = stored(d, store_demo_date_report(d->db, id, at_day(d, s->day)), "report date");
	}
	for (int r = 0; r < COUNT(ROUNDS) && rc == 0; r++) {
		if (ROUNDS[r].summary && pii_scan(ROUNDS[r].summary, NULL, 0) > 0)
			return fail(d, "demo data: the summary of %s looks like personal data", ROUNDS[r].title);
		if (ROUNDS[r].summary)
			rc = stored(d, store_round_summary_set(d->db, d->round_id[r], ROUNDS[r].summary, leader), "summary");
		if (rc == 0 && ROUNDS[r].closed)
			rc = stored(d, store_round_close(d->db, d->round_id[r]), "close round");
		if (rc == 0)
			rc = stored(d, store_demo_date_round(d->db, d->round_id[r], at_day(d, ROUNDS[r].opened),
							      ROUNDS[r].closed ? at_day(d, ROUNDS[r].closed) : 0),
				    "round dates");
	}
	/* The open round's reminder to a project that has not started its report. */
	if (rc == 0) {
		int p = find_project("p6");
		char link[64];
		snprintf(link, sizeof link, "/rounds/%lld/projects/%lld", d->round_id[1], d->proj[p].id);
		rc = stored(d, store_message_add(d->db, d->proj[p].leader, leader,
						 "Påminnelse: statusrapporten skal leveres: Statusrapport 2 – andre halvår", link),
			    "message");
	}
	return rc;
}

/* Gatherings with the experiences shared and the actions agreed there. */
static int make_gatherings(struct demo *d)
{
	for (int i = 0; i < COUNT(GATHERINGS); i++) {
		const struct d_gathering *s = &GATHERINGS[i];
		struct gathering g = {.network_id = d->network_id, .digital = s->digital, .title = (char *)s->title,
				      .place = (char *)s->place, .agenda = (char *)s->agenda, .notes = (char *)s->notes};
		snprintf(g.kind, sizeof g.kind, "%s", s->kind);
		day_iso(d, s->day, g.day);
		long long by = uid(d, s->by);
		if (!by || stored(d, store_gathering_create(d->db, &g, by, &d->gathering_id[i]), "gathering") != 0)
			return -1;
	}
	for (int i = 0; i < COUNT(EXPERIENCES); i++) {
		const struct d_experience *s = &EXPERIENCES[i];
		int p = s->project ? project(d, s->project) : -1;
		long long by = uid(d, s->by);
		if ((s->project && p < 0) || !by ||
		    stored(d, store_gathering_experience_add(d->db, d->gathering_id[s->gathering], p >= 0 ? d->proj[p].id : 0, s->body,
							     by),
			   "experience") != 0)
			return -1;
	}
	for (int i = 0; i < COUNT(ACTIONS); i++) {
		const struct d_action *s = &ACTIONS[i];
		long long gid = d->gathering_id[s->gathering], owner = uid(d, s->owner);
		char deadline[BENEFIT_ISO_LEN];
		day_iso(d, s->deadline, deadline);
		if (!owner || !store_network_audience_has(d->db, d->network_id, owner))
			return fail(d, "demo data: %s cannot own an action of the network", s->owner);
		if (stored(d, store_gathering_action_add(d->db, gid, s->body, owner, deadline), "action") != 0)
			return -1;
		long long aid = s->done ? id_by_name(store_gathering_actions(d->db, gid), s->body, 1) : 0;
		if (s->done && (!aid || stored(d, store_gathering_action_done(d->db, gid, aid, true), "action done") != 0))
			return fail(d, "demo data: cannot mark \"%s\" done", s->body);
	}
	return 0;
}

/* The fading schedule page_coaching.c makes: four follow-ups a week apart,
 * four two weeks apart, then every third week, until end. Caller frees. */
static char *schedule_json(long start, long end)
{
	json_t *list = json_array();
	long day = start;
	for (int i = 0; day <= end && i < 100; i++) {
		int weeks = i < 4 ? 1 : i < 8 ? 2 : 3;
		char iso[BENEFIT_ISO_LEN];
		if (i > 0)
			day += 7L * weeks;
		if (day > end || !benefit_day_format(day, iso))
			break;
		json_array_append_new(list, json_pack("{s:s, s:i}", "day", iso, "weeks", weeks));
	}
	char s[BENEFIT_ISO_LEN], e[BENEFIT_ISO_LEN];
	benefit_day_format(start, s);
	benefit_day_format(end, e);
	json_t *root = json_pack("{s:s, s:s, s:o}", "start", s, "end", e, "follow_ups", list);
	char *out = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	return out;
}

/* The coach's plans with p1 and p5, the sessions held and the actions agreed. */
static int make_coaching(struct demo *d)
{
	long long coach = uid(d, "jonas");
	static const struct {
		const char *project;
		int start;
	} plans[] = {{"p1", -120}, {"p5", -50}};
	for (int i = 0; i < COUNT(plans); i++) {
		int p = project(d, plans[i].project);
		if (p < 0)
			return -1;
		long first = d->today + plans[i].start, end = first;
		benefit_day_add_months(first, 12, &end);
		if (end > d->today + 310) /* the network's period ends */
			end = d->today + 310;
		char start[BENEFIT_ISO_LEN];
		benefit_day_format(first, start);
		char *schedule = schedule_json(first, end);
		int rc = stored(d, store_coaching_plan_set(d->db, d->proj[p].id, d->network_id, coach, start, schedule), "plan");
		free(schedule);
		if (rc != 0 || stored(d, store_activity_add(d->db, d->proj[p].id, coach, "planned-coaching", NULL), "activity") != 0)
			return -1;
	}
	for (int i = 0; i < COUNT(SESSIONS); i++) {
		int p = project(d, SESSIONS[i].project);
		char day[BENEFIT_ISO_LEN];
		day_iso(d, SESSIONS[i].day, day);
		if (p < 0 || stored(d, store_coaching_session_add(d->db, d->proj[p].id, d->network_id, coach, day, SESSIONS[i].mode,
								   SESSIONS[i].notes, &d->session_id[i]),
				     "coaching session") != 0 ||
		    stored(d, store_activity_add(d->db, d->proj[p].id, coach, "recorded-coaching", NULL), "activity") != 0)
			return -1;
	}
	for (int i = 0; i < COUNT(COACHING_ACTIONS); i++) {
		const struct d_coaching_action *s = &COACHING_ACTIONS[i];
		int p = find_project(SESSIONS[s->session].project);
		long long owner = uid(d, s->owner);
		char deadline[BENEFIT_ISO_LEN];
		day_iso(d, s->deadline, deadline);
		if (!owner || !store_coaching_owner_ok(d->db, d->proj[p].id, d->network_id, owner))
			return fail(d, "demo data: %s cannot own a coaching action of %s", s->owner, PROJECTS[p].h);
		if (stored(d, store_coaching_action_add(d->db, d->session_id[s->session], s->body, owner, deadline), "action") != 0)
			return -1;
		if (!s->done)
			continue;
		long long aid = id_by_name(store_coaching_actions(d->db, d->proj[p].id), s->body, 2);
		if (!aid || stored(d, store_coaching_action_done(d->db, aid, true), "action done") != 0)
			return fail(d, "demo data: cannot mark \"%s\" done", s->body);
	}
	return 0;
}

/* p3's case, published for everyone, with the benefit types of its benefits
 * in their order (as the publish form copies them). */
static int make_case(struct demo *d)
{
	int p = find_project("p3");
	json_t *types = json_array();
	for (int i = 0; i < COUNT(ITEMS); i++) {
		if (strcmp(ITEMS[i].project, "p3") || strcmp(ITEMS[i].reg, "benefit"))
			continue;
		for (int k = 0; ITEMS[i].f[k]; k += 2) {
			bool seen = strcmp(ITEMS[i].f[k], "f-type") != 0;
			for (size_t t = 0; !seen && t < json_array_size(types); t++)
				seen = !strcmp(json_string_value(json_array_get(types, t)), ITEMS[i].f[k + 1]);
			if (!seen)
				json_array_append_new(types, json_string(ITEMS[i].f[k + 1]));
		}
	}
	char *types_s = json_dumps(types, JSON_COMPACT);
	json_decref(types);
	for (int i = 0; i < COUNT(CASE_TEXTS); i++)
		if (pii_scan(CASE_TEXTS[i], NULL, 0) > 0) {
			free(types_s);
			return fail(d, "demo data: the case's text %d looks like personal data", i);
		}
	struct case_rec k = {.project_id = d->proj[p].id, .org_id = d->proj[p].org_id, .title = (char *)CASE_TEXTS[0],
			     .challenge = (char *)CASE_TEXTS[1], .what = (char *)CASE_TEXTS[2], .results = (char *)CASE_TEXTS[3],
			     .benefits = (char *)CASE_TEXTS[4], .lessons = (char *)CASE_TEXTS[5], .contact = (char *)CASE_TEXTS[6],
			     .phase = (char *)PROJECTS[p].phase, .service_area = (char *)PROJECTS[p].area, .benefit_types = types_s,
			     .audience = "public"};
	long long id = 0, by = uid(d, "ragnhild");
	int rc = by ? stored(d, store_case_publish(d->db, &k, by, &id), "case") : -1;
	if (rc == 0)
		rc = stored(d, store_activity_add(d->db, d->proj[p].id, by, "case-published", NULL), "activity");
	free(types_s);
	return rc;
}

/* ======================================================================
 * The command
 * ====================================================================== */

/* Everything, in an order where each part finds what it refers to. */
static int demo_fill(struct demo *d)
{
	if (make_orgs(d) || make_people(d) || make_projects(d) || make_gates(d) || make_steps(d))
		return -1;
	for (int i = 0; i < COUNT(ITEMS); i++)
		if (make_item(d, i))
			return -1;
	for (int i = 0; i < COUNT(TOOLS); i++)
		if (make_tool(d, &TOOLS[i]))
			return -1;
	for (int i = 0; i < COUNT(INDICATORS); i++)
		if (make_indicator(d, &INDICATORS[i]))
			return -1;
	for (int i = 0; i < COUNT(CALCS); i++)
		if (make_calculation(d, &CALCS[i]))
			return -1;
	for (int i = 0; i < COUNT(VOTES); i++)
		if (make_votes(d, &VOTES[i]))
			return -1;
	for (int i = 0; i < COUNT(COMMENTS); i++)
		if (make_comment(d, &COMMENTS[i]))
			return -1;
	return make_network(d) || make_rounds(d) || make_gatherings(d) || make_coaching(d) || make_case(d) ? -1 : 0;
}

/* One password for every demo user: four groups of four letters and digits
 * without look-alikes, from the system's random source. */
static void demo_password(char out[20])
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
	int n = 0;
	for (int g = 0; g < 4; g++) {
		for (int i = 0; i < 4; i++)
			out[n++] = alphabet[randombytes_uniform((uint32_t)(sizeof alphabet - 1))];
		out[n++] = g < 3 ? '-' : '\0';
	}
}

static void demo_print(const struct demo *d, const struct config *cfg, const char *password)
{
	char base[300];
	if (cfg->base_url[0])
		snprintf(base, sizeof base, "%s", cfg->base_url);
	else
		snprintf(base, sizeof base, "http://localhost:%d", cfg->listen_port);
	printf("varde demo: filled %s with an invented example: a regional pilot network of Statsforvalteren i Nordland,\n"
	       "four municipalities, %d projects, registers, benefits with a year of measurements, status rounds,\n"
	       "gatherings, coaching and a published case. Every person and municipality in it is invented.\n\n",
	       cfg->db_url, COUNT(PROJECTS));
	printf("Sign in at %s/login as one of these (every demo user has the same password):\n\n", base);
	const char *org = "";
	for (int i = 0; i < COUNT(PEOPLE); i++) {
		const struct d_person *u = &PEOPLE[i];
		const char *o = u->org ? ORGS[find_org(u->org)].name : "Varde";
		if (strcmp(o, org))
			printf("  %s\n", o);
		org = o;
		/* Pad by characters, not bytes (the names have æ, ø and å). */
		int pad = 22 - (int)utf8_length(u->name);
		printf("    %-42s %s%*s %s\n", u->email, u->name, pad > 0 ? pad : 0, "", u->about);
	}
	printf("\n  Password: %s\n  (chosen at random for this run and shown only now; each user can change it under "
	       "Account)\n\n",
	       password);
	printf("Start here:\n  %s/networks/%lld   the network (as hanne.skarvholm@statsforvalteren.example)\n"
	       "  %s/projects/%lld   a project in testing (as marit.multebakken@fjellvik.example)\n",
	       base, d->network_id, base, d->proj[find_project("p1")].id);
	fflush(stdout);
}

int cli_demo(const struct config *cfg, int argc, char **argv)
{
	(void)argv;
	if (argc > 0) {
		fprintf(stderr, "usage: varde demo   (fills an empty database with an invented example)\n");
		return 2;
	}
	if (security_init() != 0) {
		fprintf(stderr, "varde: no source of randomness\n");
		return 1;
	}
	struct demo *d = xcalloc(1, sizeof *d);
	char password[20];
	demo_password(password);
	/* Hash once, before the write transaction; every demo user gets it. */
	if (password_check(password, "") != PW_OK || password_hash(password, d->pw_hash) != 0) {
		fprintf(stderr, "varde: cannot hash the demo password\n");
		free(d);
		return 1;
	}
	/* The schema and the built-in methodologies' versions are brought up
	 * to date first, in their own transactions, as `varde migrate` does. */
	d->db = db_open(cfg->db_url, d->err, sizeof d->err);
	if (!d->db || migrate_run(d->db, d->err, sizeof d->err) != 0) {
		fprintf(stderr, "varde: %s\n", d->err);
		if (d->db)
			db_close(d->db);
		free(d);
		return 1;
	}
	if (registry_init(&d->reg, d->db, d->err, sizeof d->err) != 0) {
		fprintf(stderr, "varde: %s\n", d->err);
		registry_free(&d->reg);
		db_close(d->db);
		free(d);
		return 1;
	}
	d->now = (long long)time(NULL);
	time_t now = (time_t)d->now;
	struct tm tm;
	localtime_r(&now, &tm);
	benefit_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &d->today);
	benefit_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, 1, &d->month0);
	int rc = 1;
	long long projects;
	if (db_begin_write(d->db) != 0) {
		fprintf(stderr, "varde: %s\n", db_errmsg(d->db));
	} else if ((projects = store_demo_project_count(d->db)) != 0) {
		db_rollback(d->db);
		if (projects < 0)
			fprintf(stderr, "varde: %s\n", db_errmsg(d->db));
		else
			fprintf(stderr,
				"varde demo: %s already has %lld project%s; the demo only fills an empty database, and nothing "
				"was changed.\n"
				"Give it a new database instead, for example: VARDE_DB=sqlite:var/demo.db make demo\n"
				"(or: varde --db sqlite:var/demo.db demo, then varde --db sqlite:var/demo.db serve)\n",
				cfg->db_url, projects, projects == 1 ? "" : "s");
	} else if (demo_fill(d) != 0 || db_commit(d->db) != 0) {
		if (!d->err[0])
			snprintf(d->err, sizeof d->err, "%s", db_errmsg(d->db));
		db_rollback(d->db);
		fprintf(stderr, "varde demo: %s\nNothing of the example was saved.\n", d->err);
	} else {
		demo_print(d, cfg, password);
		rc = 0;
	}
	sodium_memzero(password, sizeof password);
	registry_free(&d->reg);
	db_close(d->db);
	free(d);
	return rc;
}
