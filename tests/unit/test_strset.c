/*
 * test_strset.c — the set of byte strings: membership is exact bytes
 * (prefixes, extensions, UTF-8 neighbours and strings with NUL are other
 * strings), the empty string is a member like any other, a second add
 * says so, and every member survives the table's growth.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <string.h>

#include "zc_strset.h"

static bool
has(const zc_strset *set, const char *s)
{
	return zc_strset_has(set, s, strlen(s));
}

Test(strset, an_empty_set_has_nothing)
{
	zc_strset *set = zc_strset_new();

	cr_expect(!has(set, "科技"));
	cr_expect(!has(set, ""));
	cr_expect(!has(NULL, "科技"));
	zc_strset_free(set);
	zc_strset_free(NULL);
}

Test(strset, a_member_is_its_exact_bytes)
{
	zc_strset *set = zc_strset_new();

	cr_expect(zc_strset_add(set, "科技企业", strlen("科技企业")));
	cr_expect(has(set, "科技企业"));
	cr_expect(!has(set, "科技"), "a prefix is another string");
	cr_expect(!has(set, "科技企业孵化器"), "an extension is another string");
	cr_expect(!has(set, "科技企"));
	/* the first two bytes of 企: not a whole character, not a member */
	cr_expect(!zc_strset_has(set, "科技企业", strlen("科技企业") - 1));
	cr_expect(!has(set, "科技企丝"), "same length, last character differs");
	zc_strset_free(set);
}

Test(strset, adding_a_member_again_adds_nothing)
{
	zc_strset *set = zc_strset_new();

	cr_expect(zc_strset_add(set, "孵化器", strlen("孵化器")));
	cr_expect(!zc_strset_add(set, "孵化器", strlen("孵化器")));
	cr_expect(has(set, "孵化器"));
	zc_strset_free(set);
}

Test(strset, the_empty_string_is_a_member_like_any_other)
{
	zc_strset *set = zc_strset_new();

	cr_expect(zc_strset_add(set, "", 0));
	cr_expect(has(set, ""));
	cr_expect(!zc_strset_add(set, "", 0));
	cr_expect(!has(set, "a"));
	cr_expect(zc_strset_add(set, "a", 1));
	cr_expect(has(set, "") && has(set, "a"));
	zc_strset_free(set);
}

Test(strset, a_nul_byte_is_part_of_the_string)
{
	zc_strset *set = zc_strset_new();

	cr_expect(zc_strset_add(set, "ab\0cd", 5));
	cr_expect(zc_strset_has(set, "ab\0cd", 5));
	cr_expect(!has(set, "ab"));
	cr_expect(!zc_strset_has(set, "ab\0", 3));
	cr_expect(!zc_strset_has(set, "ab\0xy", 5));
	zc_strset_free(set);
}

/* Many more members than the first table holds (1024 slots, half
 * used): every one is still found after each doubling, and no string
 * that was not added is. */
Test(strset, members_survive_growth_past_the_initial_size)
{
	zc_strset *set = zc_strset_new();
	char s[32];

	for (int i = 0; i < 5000; i++) {
		snprintf(s, sizeof s, "词%d", i);
		cr_assert(zc_strset_add(set, s, strlen(s)), "%s", s);
	}
	for (int i = 0; i < 5000; i++) {
		snprintf(s, sizeof s, "词%d", i);
		cr_expect(has(set, s), "%s lost", s);
		snprintf(s, sizeof s, "字%d", i);
		cr_expect(!has(set, s), "%s found", s);
	}
	snprintf(s, sizeof s, "词%d", 5000);
	cr_expect(!has(set, s));
	cr_expect(!zc_strset_add(set, "词4999", strlen("词4999")));
	zc_strset_free(set);
}
