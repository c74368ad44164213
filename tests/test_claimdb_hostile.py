"""More malformed claim files: each is one error naming file:line, never a crash or a hang
(the CLI turns these into exit 2: see test_claimdb_errors.py)."""

from __future__ import annotations

import pytest

from taxcheck.claimdb import load_claims
from taxcheck.errors import TaxcheckError
from test_claimdb_errors import GOOD_CLAIM

LAUGHS = "".join(f"{a}: &{a} [{', '.join([f'*{p}' if p else 'x'] * 9)}]\n"
                 for a, p in zip("abcdef", ["", "a", "b", "c", "d", "e"], strict=True))


@pytest.mark.parametrize(("data", "line", "words"), [
    (GOOD_CLAIM.replace("    verdict: false\n", "    verdict: false\n    verdict: accurate\n"),
     5, "TC102 invalid YAML: duplicate key 'verdict'"),
    (GOOD_CLAIM.replace("match: [You can deduct IRA losses.]", "match: [{a: 1}]"), 14,
     "TC103 examples.match.0: Input should be a valid string"),
    (GOOD_CLAIM.replace("    verdict", "\tverdict"), 4, "TC102 invalid YAML"),
    (b"\xff\xfe\x00garbage", 1, "TC101 cannot read file"),
    (GOOD_CLAIM.replace("https://www.irs.gov/publications/p590b", "javascript:alert(1)"), 10,
     "url must be an http(s) address"),
    ("topic: !!python/object/apply:os.system ['echo pwned']\nclaims: []\n", 1,
     "TC102 invalid YAML: could not determine a constructor"),
    ("- a\n- b\n", 1, "TC103 expected a mapping with 'topic:' and 'claims:'"),
    ("a: &x [*x]\n", 1, "TC102 invalid YAML: an alias refers to the node that contains it"),
    (LAUGHS, 6, "TC102 invalid YAML: expands to more than 100,000 values"),  # 9**6 values
])
def test_hostile_claim_files_are_one_line_errors(tmp_path, data, line, words):
    folder = tmp_path / "house"
    folder.mkdir()
    path = folder / "house.yaml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    with pytest.raises(TaxcheckError) as caught:
        load_claims([folder])
    first = str(caught.value).splitlines()[0]
    assert first.startswith(f"{path}:{line}: ") and words in first, str(caught.value)
