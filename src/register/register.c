/* register.c — the register definitions and the small rules that go with
 * them (power/interest strategy, dot-voting limits, links, redaction).
 *
 * The tables below are initialised once by the compiler and never written;
 * struct m_tool takes non-const pointers because the methodology loader fills
 * the same structs at run time. */
#include "register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/text.h"

#define OPT(k, lab) {.key = k, .text = {.s = {lab}}}
#define NOPTS(o) ((int)(sizeof(o) / sizeof((o)[0])))
#define F(k, t, lab) {.key = k, .type = t, .label = {.s = {lab}}}
#define FREQ(k, t, lab) {.key = k, .type = t, .label = {.s = {lab}}, .required = true}
#define FHELP(k, t, lab, h) {.key = k, .type = t, .label = {.s = {lab}}, .help = {.s = {h}}}
#define FREQHELP(k, t, lab, h) {.key = k, .type = t, .label = {.s = {lab}}, .help = {.s = {h}}, .required = true}
#define FOPT(k, t, lab, o) {.key = k, .type = t, .label = {.s = {lab}}, .opts = o, .nopts = NOPTS(o)}
#define FLINK(k, lab, r, multi) {.key = k, .type = FT_LINK, .label = {.s = {lab}}, .reg = r, .multiple = multi}
#define RETENTION                                                                                                      \
	FHELP("retention", FT_DATE, N_("Delete personal data by"),                                                     \
	      N_("Only when the item holds personal data: the date it must be deleted. The organisation's "           \
		 "administrators are reminded when it has passed."))
#define TOOL(k, f) {.key = k, .fields = f, .nfields = NOPTS(f)}

static struct m_item OPT_LEVEL[] = {OPT("none", N_("None")), OPT("low", N_("Low")), OPT("medium", N_("Medium")),
				    OPT("high", N_("High"))};
static struct m_item OPT_SCORE[] = {OPT("1", N_("1 – very low")), OPT("2", N_("2 – low")), OPT("3", N_("3 – medium")),
				    OPT("4", N_("4 – high")), OPT("5", N_("5 – very high"))};

/* Stakeholders ------------------------------------------------------------- */
static struct m_item OPT_SH_CATEGORY[] = {
	OPT("citizens", N_("Citizens and users")), OPT("relatives", N_("Relatives")), OPT("staff", N_("Staff")),
	OPT("management", N_("Management")), OPT("politicians", N_("Politicians")),
	OPT("unions", N_("Union representatives")), OPT("volunteers", N_("Volunteers")), OPT("business", N_("Business")),
	OPT("agencies", N_("Other agencies and municipalities")), OPT("other", N_("Other"))};
static struct m_item OPT_SH_ROLE[] = {
	OPT("need-owner", N_("Need owner")), OPT("funder", N_("Funder")), OPT("maintainer", N_("Maintainer")),
	OPT("user", N_("User")), OPT("decision-maker", N_("Decision maker")), OPT("contributor", N_("Contributor")),
	OPT("other", N_("Other"))};
static struct m_item OPT_ATTITUDE[] = {OPT("positive", N_("Positive")), OPT("neutral", N_("Neutral")),
				       OPT("negative", N_("Negative"))};
static struct m_field F_STAKEHOLDER[] = {
	FREQ("name", FT_TEXT, N_("Person or group")),
	FOPT("category", FT_CHOICE, N_("Category"), OPT_SH_CATEGORY),
	FOPT("role", FT_CHOICE, N_("Role in the project"), OPT_SH_ROLE),
	FOPT("attitude", FT_CHOICE, N_("Attitude"), OPT_ATTITUDE),
	FOPT("interest", FT_SCALE, N_("Interest"), OPT_LEVEL),
	FOPT("influence", FT_SCALE, N_("Influence"), OPT_LEVEL),
	F("expectations", FT_LONGTEXT, N_("Expectations")),
	F("success", FT_LONGTEXT, N_("Their success criteria")),
	/* Options filled per project from its methodology's phases. */
	F("phase", FT_CHOICE, N_("Phase where they matter most")),
	RETENTION};

/* Anchoring plan ------------------------------------------------------------ */
static struct m_item OPT_ANCHOR_PURPOSE[] = {OPT("inform", N_("Inform")), OPT("engage", N_("Engage")),
					     OPT("involve", N_("Involve")), OPT("decide", N_("Decide"))};
static struct m_item OPT_ANCHOR_STATUS[] = {OPT("planned", N_("Planned")), OPT("in-progress", N_("In progress")),
					    OPT("done", N_("Done")), OPT("cancelled", N_("Cancelled"))};
static struct m_field F_ANCHORING[] = {
	FREQ("what", FT_TEXT, N_("Activity")),
	FOPT("purpose", FT_CHOICE, N_("Purpose"), OPT_ANCHOR_PURPOSE),
	F("channel", FT_TEXT, N_("Channel or arena")),
	FLINK("stakeholders", N_("Stakeholders"), "stakeholder", true),
	F("responsible", FT_MEMBER, N_("Responsible")),
	F("deadline", FT_DATE, N_("Deadline")),
	FOPT("status", FT_CHOICE, N_("Status"), OPT_ANCHOR_STATUS),
	F("result", FT_LONGTEXT, N_("Result")),
	RETENTION};

/* Research activities -------------------------------------------------------- */
static struct m_item OPT_RESEARCH_METHOD[] = {
	OPT("interview", N_("Interview")), OPT("observation", N_("Observation")), OPT("diary", N_("Diary study")),
	OPT("workshop", N_("Workshop")), OPT("survey", N_("Survey")), OPT("statistics", N_("Statistics and data"))};
static struct m_field F_RESEARCH[] = {
	FREQ("title", FT_TEXT, N_("Title")),
	FOPT("method", FT_CHOICE, N_("Method"), OPT_RESEARCH_METHOD),
	F("date", FT_DATE, N_("Date")),
	FHELP("participants", FT_LONGTEXT, N_("Participants"),
	      N_("Describe them (\"woman in her eighties, lives alone\"); do not name them.")),
	F("consent", FT_YESNO, N_("Consent given")),
	F("consent_how", FT_TEXT, N_("How consent was given")),
	F("consent_when", FT_DATE, N_("When consent was given")),
	F("notes", FT_LONGTEXT, N_("Notes")),
	RETENTION};

/* Insights and needs ----------------------------------------------------------- */
static struct m_field F_INSIGHT[] = {
	FREQ("headline", FT_TEXT, N_("Headline")),
	F("background", FT_LONGTEXT, N_("Background")),
	F("finding", FT_LONGTEXT, N_("The finding")),
	F("matters", FT_LONGTEXT, N_("Why it matters")),
	F("quotes", FT_LONGTEXT, N_("Supporting quotes")),
	FLINK("research", N_("Evidence: research activities"), "research", true),
	RETENTION};
static struct m_field F_NEED[] = {
	FREQHELP("statement", FT_TEXT, N_("How might we …?"), N_("Phrase the need as a question: \"How might we …?\"")),
	F("description", FT_LONGTEXT, N_("Description")),
	FLINK("insights", N_("Derived from insights"), "insight", true),
	RETENTION};

/* Personas and journeys ---------------------------------------------------------- */
static struct m_field F_PERSONA[] = {
	FREQ("name", FT_TEXT, N_("Name")),
	F("description", FT_LONGTEXT, N_("Description")),
	F("situation", FT_LONGTEXT, N_("Situation")),
	F("needs", FT_LONGTEXT, N_("Needs")),
	F("goals", FT_LONGTEXT, N_("Goals")),
	F("frustrations", FT_LONGTEXT, N_("Frustrations")),
	F("quote", FT_TEXT, N_("A typical quote")),
	FLINK("insights", N_("Built from insights"), "insight", true),
	RETENTION};
static struct m_item OPT_JOURNEY_KIND[] = {OPT("today", N_("Today's journey")), OPT("future", N_("Future journey"))};
static struct m_item OPT_FEELING[] = {OPT("1", N_("1 – very bad")), OPT("2", N_("2 – bad")), OPT("3", N_("3 – neutral")),
				      OPT("4", N_("4 – good")), OPT("5", N_("5 – very good"))};
/* The lanes of a journey map: one table row per stage, one column per lane. */
static struct m_field F_JOURNEY_LANES[] = {
	FREQ("stage", FT_TEXT, N_("Stage")),
	F("actions", FT_TEXT, N_("Actions")),
	F("touchpoints", FT_TEXT, N_("Touchpoints")),
	F("thoughts", FT_TEXT, N_("Thoughts and feelings")),
	FOPT("feeling", FT_CHOICE, N_("Feeling"), OPT_FEELING),
	F("pains", FT_TEXT, N_("Pain points")),
	F("opportunities", FT_TEXT, N_("Opportunities")),
	F("frontstage", FT_TEXT, N_("Frontstage")),
	F("backstage", FT_TEXT, N_("Backstage")),
	F("support", FT_TEXT, N_("Support systems"))};
static struct m_field F_JOURNEY[] = {
	FREQ("title", FT_TEXT, N_("Title")),
	FLINK("persona", N_("For persona"), "persona", false),
	FOPT("kind", FT_CHOICE, N_("Journey"), OPT_JOURNEY_KIND),
	FLINK("compare", N_("Compare with journey"), "journey", false),
	{.key = "stages", .type = FT_TABLE, .label = {.s = {N_("Stages")}},
	 .help = {.s = {N_("One row per stage, in order. Frontstage, backstage and support systems are the optional "
			   "service-blueprint lanes.")}},
	 .cols = F_JOURNEY_LANES, .ncols = NOPTS(F_JOURNEY_LANES)},
	RETENTION};

/* Ideas and tests ------------------------------------------------------------------ */
static struct m_item OPT_IDEA_STATUS[] = {
	OPT("new", N_("New")), OPT("shortlisted", N_("Shortlisted")), OPT("in-test", N_("In test")),
	OPT("adopted", N_("Adopted")), OPT("parked", N_("Parked")), OPT("dropped", N_("Dropped"))};
static struct m_field F_IDEA[] = {
	FREQ("title", FT_TEXT, N_("Title")),
	F("description", FT_LONGTEXT, N_("Description")),
	FLINK("needs", N_("Answers needs"), "need", true),
	FLINK("insights", N_("Builds on insights"), "insight", true),
	F("beneficiaries", FT_TEXT, N_("Who benefits")),
	F("affected", FT_LONGTEXT, N_("Who is affected, and how")),
	FOPT("impact", FT_SCALE, N_("Impact"), OPT_SCORE),
	FOPT("effort", FT_SCALE, N_("Effort"), OPT_SCORE),
	FOPT("status", FT_CHOICE, N_("Status"), OPT_IDEA_STATUS),
	RETENTION};
static struct m_item OPT_TEST_FORM[] = {
	OPT("paper", N_("Paper prototype")), OPT("storyboard", N_("Storyboard")), OPT("role-play", N_("Role-play")),
	OPT("model", N_("Model")), OPT("digital", N_("Digital prototype")), OPT("pilot", N_("Pilot"))};
static struct m_item OPT_FIDELITY[] = {OPT("low", N_("Low")), OPT("medium", N_("Medium")), OPT("high", N_("High"))};
static struct m_item OPT_DECISION[] = {OPT("stop", N_("Stop")), OPT("iterate", N_("Iterate")), OPT("pilot", N_("Pilot")),
				       OPT("implement", N_("Implement"))};
static struct m_field F_TEST[] = {
	FREQ("title", FT_TEXT, N_("Title")),
	FLINK("idea", N_("Idea tested"), "idea", false),
	F("date", FT_DATE, N_("Date")),
	F("believe", FT_LONGTEXT, N_("We believe …")),
	F("know", FT_LONGTEXT, N_("We will know we are right when …")),
	FOPT("form", FT_CHOICE, N_("Form"), OPT_TEST_FORM),
	FOPT("fidelity", FT_CHOICE, N_("Fidelity"), OPT_FIDELITY),
	F("participants_n", FT_NUMBER, N_("Number of participants")),
	F("participants", FT_TEXT, N_("Who took part")),
	F("setting", FT_TEXT, N_("Setting")),
	F("success", FT_LONGTEXT, N_("Success criteria")),
	F("results", FT_LONGTEXT, N_("Results")),
	F("learning", FT_LONGTEXT, N_("What we learned")),
	FOPT("decision", FT_CHOICE, N_("Decision"), OPT_DECISION),
	RETENTION};

/* Benefits (the benefits feature adds owners, indicators and measurements) --- */
/* The kinds public-sector guidance uses; an organisation can add its own
 * (org_benefit_types), filled in per project like the phases. */
static struct m_item OPT_BENEFIT_TYPE[] = {
	OPT("avoided-costs", N_("Avoided costs")), OPT("saved-time", N_("Saved time")),
	OPT("quality", N_("Increased quality")), OPT("budget", N_("Budget effect")),
	OPT("freed-resources", N_("Freed resources used elsewhere")), OPT("other-actors", N_("Gains for other actors")),
	OPT("unpriced", N_("Unpriced effects"))};
static struct m_item OPT_BENEFICIARY[] = {
	OPT("users", N_("Users")), OPT("relatives", N_("Relatives")), OPT("staff", N_("Staff")),
	OPT("municipality", N_("The municipality")), OPT("agencies", N_("Other agencies"))};
static struct m_item OPT_BENEFIT_STATUS[] = {
	OPT("identified", N_("Identified")), OPT("planned", N_("Planned")), OPT("in-realisation", N_("In realisation")),
	OPT("realised", N_("Realised")), OPT("not-realised", N_("Not realised"))};
static struct m_field F_BENEFIT[] = {
	FREQ("name", FT_TEXT, N_("Benefit")),
	F("description", FT_LONGTEXT, N_("Description")),
	FOPT("type", FT_CHOICE, N_("Type of benefit"), OPT_BENEFIT_TYPE),
	FOPT("beneficiary", FT_MULTICHOICE, N_("Who gains"), OPT_BENEFICIARY),
	F("goal", FT_TEXT, N_("Goal it serves")),
	F("prerequisites", FT_LONGTEXT, N_("Prerequisites")),
	F("measures", FT_LONGTEXT, N_("Realisation measures")),
	F("risks", FT_LONGTEXT, N_("Risks")),
	FOPT("status", FT_CHOICE, N_("Status"), OPT_BENEFIT_STATUS),
	FLINK("ideas", N_("Comes from ideas"), "idea", true),
	FLINK("tests", N_("Comes from tests"), "test", true)};

static struct m_tool T_STAKEHOLDER = TOOL("stakeholder", F_STAKEHOLDER), T_ANCHORING = TOOL("anchoring", F_ANCHORING),
		     T_RESEARCH = TOOL("research", F_RESEARCH), T_INSIGHT = TOOL("insight", F_INSIGHT),
		     T_NEED = TOOL("need", F_NEED), T_PERSONA = TOOL("persona", F_PERSONA),
		     T_JOURNEY = TOOL("journey", F_JOURNEY), T_IDEA = TOOL("idea", F_IDEA), T_TEST = TOOL("test", F_TEST),
		     T_BENEFIT = TOOL("benefit", F_BENEFIT);

const struct reg_def REGISTERS[] = {
	{"stakeholder", N_("Stakeholders"), N_("Stakeholder"),
	 N_("Who is affected by the challenge, who decides, who pays and who must live with the result. Place each "
	    "one by interest and influence to see how to work with them."),
	 0, &T_STAKEHOLDER},
	{"anchoring", N_("Anchoring plan"), N_("Anchoring activity"),
	 N_("How the work is anchored with the stakeholders: who is informed, engaged, involved or asked to decide, "
	    "when, and by whom."),
	 0, &T_ANCHORING},
	{"research", N_("Research activities"), N_("Research activity"),
	 N_("Interviews, observations and other ways the team learns what users really need. Describe participants "
	    "without naming them."),
	 1, &T_RESEARCH},
	{"insight", N_("Insights"), N_("Insight"),
	 N_("What the research showed and why it matters, with the evidence it rests on."), 2, &T_INSIGHT},
	{"need", N_("Needs"), N_("Need"), N_("Needs phrased as \"How might we …?\", derived from insights."), 3, &T_NEED},
	{"persona", N_("Personas"), N_("Persona"),
	 N_("Invented but recognisable people built from the insights, to keep the users in view."), 0, &T_PERSONA},
	{"journey", N_("Journey maps"), N_("Journey map"),
	 N_("A persona's journey through the service, stage by stage: today's journey and the future one."), 0,
	 &T_JOURNEY},
	{"idea", N_("Ideas"), N_("Idea"),
	 N_("Ideas that answer the needs, scored by impact and effort and prioritised by dot voting."), 4, &T_IDEA},
	{"test", N_("Prototypes and tests"), N_("Test"),
	 N_("Cheap tests of ideas with users: the hypothesis, what happened, what was learned and what was decided."),
	 5, &T_TEST},
	{"benefit", N_("Benefits"), N_("Benefit"),
	 N_("What the change gives users, staff and the municipality, who owns each benefit, and how it is measured "
	    "until it is realised — often years after the project."),
	 6, &T_BENEFIT},
};
const int NREGISTERS = NOPTS(REGISTERS);

const struct reg_def *register_find(const char *key)
{
	for (int i = 0; key && i < NREGISTERS; i++)
		if (strcmp(REGISTERS[i].key, key) == 0)
			return &REGISTERS[i];
	return NULL;
}

const struct m_field *register_field(const struct reg_def *r, const char *key)
{
	for (int i = 0; i < r->tool->nfields; i++)
		if (strcmp(r->tool->fields[i].key, key) == 0)
			return &r->tool->fields[i];
	return NULL;
}

int register_level(const char *level)
{
	static const char *const levels[] = {"none", "low", "medium", "high"};
	for (int i = 0; level && i < 4; i++)
		if (strcmp(level, levels[i]) == 0)
			return i;
	return 0;
}

enum stakeholder_strategy stakeholder_strategy(const char *interest, const char *influence)
{
	bool high_interest = register_level(interest) >= 2, high_influence = register_level(influence) >= 2;
	if (high_influence)
		return high_interest ? SS_MANAGE_CLOSELY : SS_KEEP_SATISFIED;
	return high_interest ? SS_KEEP_INFORMED : SS_MONITOR;
}

const char *stakeholder_strategy_name(enum stakeholder_strategy s)
{
	switch (s) {
	case SS_MANAGE_CLOSELY: return N_("Manage closely");
	case SS_KEEP_SATISFIED: return N_("Keep satisfied");
	case SS_KEEP_INFORMED: return N_("Keep informed");
	default: return N_("Monitor");
	}
}

int votes_check(const int *dots, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++) {
		if (dots[i] < 0 || dots[i] > DOTS_PER_ROUND)
			return -1;
		sum += dots[i];
	}
	return sum <= DOTS_PER_ROUND ? 0 : -1;
}

int register_link_ids(const json_t *entry, const char *field, long long *ids, int max)
{
	const json_t *arr = json_object_get(json_object_get(entry, "fields"), field);
	int n = 0;
	for (size_t i = 0; i < json_array_size(arr) && n < max; i++) {
		long long id = 0;
		if (text_parse_ll(json_string_value(json_array_get(arr, i)), &id) && id > 0)
			ids[n++] = id;
	}
	return n;
}

/* Replace the free-text values of one table row. */
static void redact_row(const struct m_field *f, json_t *row, const char *mark)
{
	for (int k = 0; k < f->ncols; k++)
		if ((f->cols[k].type == FT_TEXT || f->cols[k].type == FT_LONGTEXT) && json_object_get(row, f->cols[k].key))
			json_object_set_new(row, f->cols[k].key, json_string(mark));
}

json_t *register_redact(const struct m_tool *t, const json_t *entry, const char *mark)
{
	json_t *out = json_deep_copy(entry);
	json_t *fields = json_object_get(out, "fields");
	for (int i = 0; i < t->nfields; i++) {
		const struct m_field *f = &t->fields[i];
		json_t *v = json_object_get(fields, f->key);
		if (!v)
			continue;
		if (f->type == FT_TEXT || f->type == FT_LONGTEXT)
			json_object_set_new(fields, f->key, json_string(mark));
		for (size_t r = 0; f->type == FT_TABLE && r < json_array_size(v); r++)
			redact_row(f, json_array_get(v, r), mark);
	}
	return out;
}
