/*
 * schema.c — the schema version of a database against this build's
 * (zc_schema.h): the one rule zcindex and zcsearch both read it by.
 */
#include <string.h>

#include "zc_schema.h"

/* A schema version is a decimal number of at most 9 digits; false for
 * anything else. */
static bool
parse(const char *v, size_t len, unsigned long *out)
{
	unsigned long n = 0;

	if (len == 0 || len > 9)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		n = n * 10 + (unsigned long)(v[i] - '0');
	}
	*out = n;
	return true;
}

bool
zc_schema_compare(const char *v, size_t len, unsigned long *have, int *cmp)
{
	unsigned long ours = 0;

	if (!parse(v, len, have))
		return false;
	parse(ZC_SCHEMA_VERSION, strlen(ZC_SCHEMA_VERSION), &ours);
	*cmp = *have < ours ? -1 : *have > ours;
	return true;
}
