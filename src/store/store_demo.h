/* store_demo.h — what `varde demo` (src/cli/cli_demo.c) needs beyond the
 * other store files: whether the database already holds projects, and
 * putting the dates of an invented history in the past. Everything else the
 * demo writes goes through the same store functions as the pages, which stamp
 * rows with the current time; these functions move a few of those stamps
 * (gate decisions, status rounds and reports, comments, a project's creation)
 * to the days the example says they happened. Nothing else calls them. */
#ifndef VARDE_STORE_DEMO_H
#define VARDE_STORE_DEMO_H

#include "../db/db.h"

/* Every project row, deleted ones too; -1 on a database error. */
long long store_demo_project_count(struct db *db);
/* The project was created at `at` (epoch seconds), and so was its
 * "project-created" activity. */
int store_demo_date_project(struct db *db, long long project_id, long long at);
/* The project's gate decisions on phase (and their activities) were taken at `at`. */
int store_demo_date_gate(struct db *db, long long project_id, const char *phase, long long at);
/* A status round was opened at opened_at and, when closed_at is not 0,
 * closed (and summarised, if it has a summary) at closed_at. */
int store_demo_date_round(struct db *db, long long round_id, long long opened_at, long long closed_at);
/* A status report was started, and submitted if it is, at `at`. */
int store_demo_date_report(struct db *db, long long report_id, long long at);
/* A comment was written at `at`. */
int store_demo_date_comment(struct db *db, long long comment_id, long long at);

#endif
