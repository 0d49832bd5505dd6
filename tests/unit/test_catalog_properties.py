"""Arbitrary text fed to the catalogue loader: it answers with a catalogue or a CatalogError."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.catalog.loader import (
    CatalogSource,
    Entry,
    InvalidCatalog,
    builtin_catalog,
    catalog_with,
    parse_csv,
    parse_toml,
    render_overlay,
)
from kiosk.errors import CatalogError

# Pieces of real catalogue files, so that generated text often gets past the parser.
TOML_PIECES = st.sampled_from(
    [
        "[[procedure]]\n",
        "[[field]]\n",
        "[[synonym]]\n",
        "[defaults]\n",
        'code = "1.001193"\n',
        'code = "1.999999"\n',
        'code = "land"\n',
        'field = "land"\n',
        'name = { vi = "Tên", en = "Name" }\n',
        "name = { en = 'x' }\n",
        'documents = [{ vi = "Đơn" }]\n',
        "documents = []\n",
        'fee = "province"\n',
        "fee = 3\n",
        'processing_time = { vi = "1 ngày" }\n',
        'handled_at = { vi = "UBND" }\n',
        'channels = ["in_person", "online"]\n',
        'channels = ["fax"]\n',
        'portal_url = "https://example.org/x"\n',
        "portal_url_generic = 1\n",
        'unverified = ["fee"]\n',
        'queue_prefix = "A"\n',
        "order = 5\n",
        'icon = "land.svg"\n',
        'terms = ["x"]\n',
        'codes = ["1.001193"]\n',
        "x = [1, 2]\n",
    ]
)


def _loads_or_refuses(text: str) -> None:
    try:
        source = parse_toml(text, "fuzz.toml")
    except CatalogError:
        return
    _assert_applies_or_refuses(source)


def _assert_applies_or_refuses(source: CatalogSource) -> None:
    try:
        catalog = catalog_with(source)
    except InvalidCatalog as exc:
        problems = exc.problems
    else:
        assert len(catalog.procedures) >= len(builtin_catalog().procedures)
        assert len({p.code for p in catalog.procedures}) == len(catalog.procedures)
        return
    # Every problem points into the file that caused it, never into the built-in catalogue.
    assert problems
    assert all(str(p).startswith("fuzz.") for p in problems)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_as_toml(text: str) -> None:
    _loads_or_refuses(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(TOML_PIECES, max_size=25))
def test_shuffled_catalogue_lines_as_toml(pieces: list[str]) -> None:
    _loads_or_refuses("".join(pieces))


CSV_CELLS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["1.001193", "1.777777", "land", "Hộ tịch", "Đơn | Tờ khai", "", '"', "a,b"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CSV_CELLS, min_size=4, max_size=8), max_size=6))
def test_arbitrary_csv_rows(rows: list[list[str]]) -> None:
    text = "code,name,field,documents,fee,time\n" + "\n".join(",".join(row) for row in rows)
    try:
        source = parse_csv(text, "fuzz.csv", builtin_catalog())
    except CatalogError:
        return
    _assert_applies_or_refuses(source)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_as_csv(text: str) -> None:
    try:
        source = parse_csv(text, "fuzz.csv", builtin_catalog())
    except CatalogError:
        return
    _assert_applies_or_refuses(source)


# Catalogue text is read in Unicode NFC (docs/catalog-format.md): round trips hold for NFC text.
TEXTS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30
).map(lambda text: unicodedata.normalize("NFC", text))


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["fee", "processing_time", "handled_at"]),
        st.fixed_dictionaries({"vi": TEXTS}, optional={"en": TEXTS}),
        min_size=1,
    ),
    st.lists(TEXTS, max_size=3),
)
def test_rendered_overlay_reads_back_the_same(
    facts: dict[str, dict[str, str]], legal_basis: list[str]
) -> None:
    data: dict[str, object] = {"code": "1.001193", **facts, "legal_basis": legal_basis}
    rendered = render_overlay(
        CatalogSource("o.toml", (Entry("procedure", "o.toml", 0, data),)), "test"
    )
    assert parse_toml(rendered, "o.toml").entries[0].data == data
