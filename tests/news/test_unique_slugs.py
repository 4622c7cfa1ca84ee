"""unique_slug: the one numbering of clashing slugs, for articles and meetings alike."""

from apps.core.text import unique_slug


def test_free_base_is_kept_as_it_is():
    assert unique_slug("praeventionswoche", {"fachtag"}, max_length=200) == "praeventionswoche"


def test_clashes_are_numbered_from_two_on():
    taken = {"fachtag", "fachtag-2"}
    assert unique_slug("fachtag", {"fachtag"}, max_length=200) == "fachtag-2"
    assert unique_slug("fachtag", taken, max_length=200) == "fachtag-3"


def test_long_base_that_clashes_is_cut_so_the_number_fits():
    base = "a" * 200
    slug = unique_slug(base, {base}, max_length=200)
    assert slug == "a" * 198 + "-2"
    assert len(slug) == 200


def test_cut_leaves_no_hyphen_dangling_before_the_number():
    base = "a" * 197 + "-bb"
    assert unique_slug(base, {base}, max_length=200) == "a" * 197 + "-2"


def test_tenth_clash_cuts_one_more_character():
    base = "a" * 200
    taken = {base, *(f"{'a' * 198}-{n}" for n in range(2, 10))}
    slug = unique_slug(base, taken, max_length=200)
    assert slug == "a" * 197 + "-10"
