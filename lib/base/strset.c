/*
 * strset.c — a set of byte strings (zc_strset.h).  Used where a table is
 * built once and looked up often: the segmenter asks its lexicons about
 * every run of Han pieces it sees.
 *
 * Invariants: the members' bytes sit end to end in one pool; a slot
 * names its member by pool offset and length (len == SIZE_MAX: empty
 * slot, since the empty string is a member like any other); at most
 * half the slots are used, so a probe always ends at an empty slot;
 * nslots is 0 or a power of two.
 */
#include "zc_strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
	size_t off, len;
} slot;

struct zc_strset {
	char *pool;
	size_t pool_len, pool_cap;
	slot *slots;
	size_t nslots, count;
};

/* The first growth makes room for a small lexicon at once. */
#define INITIAL_SLOTS 1024
#define EMPTY SIZE_MAX

zc_strset *
zc_strset_new(void)
{
	return zc_xcalloc(1, sizeof(zc_strset));
}

void
zc_strset_free(zc_strset *set)
{
	if (set == NULL)
		return;
	free(set->pool);
	free(set->slots);
	free(set);
}

static bool
holds(const zc_strset *set, const slot *sl, const char *s, size_t len)
{
	/* len 0: the pool may still be NULL, which memcmp must not see */
	return sl->len == len &&
	    (len == 0 || memcmp(set->pool + sl->off, s, len) == 0);
}

/* The slot that holds s, or the empty slot where s would go. */
static size_t
probe(const zc_strset *set, const char *s, size_t len)
{
	size_t mask = set->nslots - 1, i = zc_hash64(s, len) & mask;

	while (set->slots[i].len != EMPTY && !holds(set, &set->slots[i], s,
	    len))
		i = (i + 1) & mask;
	return i;
}

bool
zc_strset_has(const zc_strset *set, const char *s, size_t len)
{
	return set != NULL && set->count > 0 &&
	    set->slots[probe(set, s, len)].len != EMPTY;
}

/* The empty slot for a member that is moving to a larger table: all
 * members differ, so no comparison is needed. */
static size_t
rehome(const zc_strset *set, const slot *sl)
{
	size_t mask = set->nslots - 1;
	size_t i = zc_hash64(sl->len > 0 ? set->pool + sl->off : "", sl->len) &
	    mask;

	while (set->slots[i].len != EMPTY)
		i = (i + 1) & mask;
	return i;
}

static void
grow(zc_strset *set)
{
	slot *old = set->slots;
	size_t nold = set->nslots;

	set->nslots = nold ? nold * 2 : INITIAL_SLOTS;
	set->slots = zc_xmalloc(set->nslots * sizeof *set->slots);
	for (size_t i = 0; i < set->nslots; i++)
		set->slots[i].len = EMPTY;
	for (size_t i = 0; i < nold; i++)
		if (old[i].len != EMPTY)
			set->slots[rehome(set, &old[i])] = old[i];
	free(old);
}

bool
zc_strset_add(zc_strset *set, const char *s, size_t len)
{
	size_t i;

	if (zc_strset_has(set, s, len))
		return false;
	if ((set->count + 1) * 2 > set->nslots)
		grow(set);
	set->pool = zc_xgrow(set->pool, &set->pool_cap, set->pool_len + len,
	    1);
	if (len > 0)
		memcpy(set->pool + set->pool_len, s, len);
	i = probe(set, s, len);
	set->slots[i].off = set->pool_len;
	set->slots[i].len = len;
	set->pool_len += len;
	set->count++;
	return true;
}
