/* assets.c — lookups in the generated asset table (build/gen/assets_data.c). */
#include "assets.h"

#include <string.h>

const struct asset *asset_find(const char *name)
{
	for (size_t i = 0; i < asset_count; i++)
		if (strcmp(asset_table[i].name, name) == 0)
			return &asset_table[i];
	return NULL;
}

const struct asset *asset_by_url(const char *url)
{
	for (size_t i = 0; i < asset_count; i++)
		if (asset_table[i].url && strcmp(asset_table[i].url, url) == 0)
			return &asset_table[i];
	return NULL;
}
