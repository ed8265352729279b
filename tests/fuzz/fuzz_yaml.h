/* fuzz_yaml.h — YAML helpers for fuzz_method and fuzz_archive. */
#ifndef VARDE_FUZZ_YAML_H
#define VARDE_FUZZ_YAML_H
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

/* True if the YAML text uses an alias (*name). */
static inline int fuzz_yaml_has_alias(const uint8_t *data, size_t size)
{
	yaml_parser_t p;
	yaml_event_t e;
	int found = 0, done = 0;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, data, size);
	while (!done && !found && yaml_parser_parse(&p, &e)) {
		found = e.type == YAML_ALIAS_EVENT;
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	return found;
}

#endif
