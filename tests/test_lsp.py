"""``taxcheck lsp`` driven by a real LSP client over stdio (pygls's client)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from lsp_client import LspSession, apply_edits

ARTICLE = """# Retirement limits for 2026

The 401(k) deferral limit for 2026 is $23,000.

Anyone can roll a 401(k) loss into an IRA and deduct it.
"""
FIGURE_LINE = "The 401(k) deferral limit for 2026 is $23,000."
RULE_LINE = "Anyone can roll a 401(k) loss into an IRA and deduct it."


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lsp")
    (root / ".taxcheck.toml").write_text("tax_year = 2026\n")
    return root


@pytest.fixture(scope="module")
def session(workspace):
    lsp = LspSession(workspace)
    yield lsp
    assert lsp.close() == 0


def by_code(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in diagnostics}


def test_initialize_advertises_hover_code_actions_and_save(session):
    caps = session.initialize_result.capabilities
    assert caps.hover_provider
    assert caps.code_action_provider
    assert session.initialize_result.server_info.name == "taxcheck"


def test_open_publishes_the_wrong_figure_and_the_wrong_rule_with_their_ranges(session,
                                                                               workspace):
    uri = session.open(workspace / "open.md", ARTICLE)
    found = by_code(session.diagnostics(uri))
    figure = found["elective-deferral-limit"]
    assert figure.range == types.Range(types.Position(2, 0),
                                       types.Position(2, len(FIGURE_LINE)))
    # outdated in an undated draft: an error (severity follows the article's date)
    assert figure.severity == types.DiagnosticSeverity.Error
    assert "$24,500" in figure.message
    assert figure.source == "taxcheck"
    assert figure.code_description.href.startswith("https://")
    rule = found["retirement-loss-rollover"]
    assert rule.range == types.Range(types.Position(4, 0), types.Position(4, len(RULE_LINE)))
    assert rule.severity == types.DiagnosticSeverity.Error  # false


def test_editing_the_text_updates_the_diagnostics(session, workspace):
    uri = session.open(workspace / "edit.md", ARTICLE)
    assert "retirement-loss-rollover" in by_code(session.diagnostics(uri, version=1))
    edited = ARTICLE.replace(RULE_LINE + "\n", "").replace("# Retirement", "# Retirement\n")
    session.change(uri, 2, edited)
    found = by_code(session.diagnostics(uri, version=2))
    assert set(found) == {"elective-deferral-limit"}
    assert found["elective-deferral-limit"].range.start.line == 3  # moved down a line


def test_hover_shows_the_rule_the_correction_and_the_sources(session, workspace):
    uri = session.open(workspace / "hover.md", ARTICLE)
    figure = by_code(session.diagnostics(uri))["elective-deferral-limit"]
    hover = session.hover(uri, 2, 10)
    text = hover.contents.value
    assert "elective-deferral-limit" in text
    assert "The rule:" in text and "$24,500" in text
    assert "replace $23,000 with $24,500" in text
    assert figure.code_description.href in text
    assert session.hover(uri, 0, 3) is None  # the heading states nothing


def test_the_figure_code_action_replaces_exactly_the_wrong_amount(session, workspace):
    uri = session.open(workspace / "fix.md", ARTICLE)
    figure = by_code(session.diagnostics(uri, version=1))["elective-deferral-limit"]
    actions = session.code_actions(uri, figure)
    fix = next(a for a in actions if a.title.startswith("Replace"))
    assert fix.is_preferred
    edits = fix.edit.changes[uri]
    fixed = apply_edits(ARTICLE, edits)
    assert fixed == ARTICLE.replace("$23,000", "$24,500")
    session.change(uri, 2, fixed)
    assert "elective-deferral-limit" not in by_code(session.diagnostics(uri, version=2))


def test_the_disable_code_action_silences_that_claim_on_that_line(session, workspace):
    uri = session.open(workspace / "disable.md", ARTICLE)
    rule = by_code(session.diagnostics(uri, version=1))["retirement-loss-rollover"]
    actions = session.code_actions(uri, rule)
    disable = next(a for a in actions if a.title.startswith("Disable retirement-loss-rollover"))
    edited = apply_edits(ARTICLE, disable.edit.changes[uri])
    assert "<!-- taxcheck-disable-next-line retirement-loss-rollover -->\n" + RULE_LINE in edited
    assert not any(a.title.startswith("Replace") for a in actions)  # not a figure
    session.change(uri, 2, edited)
    found = by_code(session.diagnostics(uri, version=2))
    assert "retirement-loss-rollover" not in found
    assert "elective-deferral-limit" in found


def test_a_document_that_cannot_be_read_gets_one_diagnostic(session, workspace):
    uri = session.open(workspace / "empty.html", "<html><body><script>var x = 1;</script>"
                       "</body></html>", language_id="html")
    found = session.diagnostics(uri)
    assert len(found) == 1
    assert found[0].code == "TC201"
    assert found[0].severity == types.DiagnosticSeverity.Error
    # the server is still alive and checks the next document
    ok = session.open(workspace / "after.md", ARTICLE)
    assert "elective-deferral-limit" in by_code(session.diagnostics(ok))


def test_a_broken_configuration_gets_one_diagnostic_naming_the_file(session, tmp_path):
    (tmp_path / ".taxcheck.toml").write_text("tax_year = 2026\ndisabel = ['ira-limit']\n")
    uri = session.open(tmp_path / "article.md", ARTICLE)
    found = session.diagnostics(uri)
    assert len(found) == 1
    assert found[0].code == "TC302"
    assert ".taxcheck.toml:2" in found[0].message
    assert "did you mean 'disable'" in found[0].message


def test_a_changed_configuration_applies_to_open_documents(session, tmp_path):
    config = tmp_path / ".taxcheck.toml"
    config.write_text("tax_year = 2026\n")
    uri = session.open(tmp_path / "article.md", ARTICLE)
    assert "retirement-loss-rollover" in by_code(session.diagnostics(uri))
    seen = session.count(uri)
    config.write_text("tax_year = 2026\ndisable = ['retirement-loss-rollover']\n")
    session.notify(session.client.workspace_did_change_watched_files,
                   types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
                       uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    found = by_code(session.diagnostics(uri, after=seen))
    assert "retirement-loss-rollover" not in found
    assert "elective-deferral-limit" in found
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
               for r in session.registrations)


def test_verified_claims_are_information_only_when_asked_for(session, tmp_path):
    right = ARTICLE.replace("$23,000", "$24,500").replace(RULE_LINE + "\n", "")
    (tmp_path / "quiet").mkdir()
    (tmp_path / "quiet" / ".taxcheck.toml").write_text("tax_year = 2026\n")
    uri = session.open(tmp_path / "quiet" / "right.md", right)
    assert session.diagnostics(uri) == []
    (tmp_path / "loud").mkdir()
    (tmp_path / "loud" / ".taxcheck.toml").write_text("tax_year = 2026\nmin_severity = 'info'\n")
    uri = session.open(tmp_path / "loud" / "right.md", right)
    found = by_code(session.diagnostics(uri))
    assert found["elective-deferral-limit"].severity == types.DiagnosticSeverity.Information
    assert found["elective-deferral-limit"].message.startswith("verified")


def test_house_claims_are_reloaded_when_their_files_change(session, tmp_path):
    house = tmp_path / "house"
    house.mkdir()
    for source in (Path(__file__).parent / "data" / "house-claims").glob("*.yaml"):
        (house / source.name).write_text(source.read_text())
    (tmp_path / ".taxcheck.toml").write_text('tax_year = 2026\nclaims = ["house"]\n')
    uri = session.open(tmp_path / "losses.md", "# Losses\n\nCapital losses can offset an "
                       "unlimited amount of your ordinary income.\n")
    found = by_code(session.diagnostics(uri))
    assert "After offsetting your capital gains" in \
        found["house-capital-loss-unlimited-offset"].message
    seen = session.count(uri)
    claim_file = house / "capital-losses.yaml"
    claim_file.write_text(claim_file.read_text().replace(
        "After offsetting your capital gains", "Once your capital gains are offset"))
    session.notify(session.client.workspace_did_change_watched_files,
                   types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
                       uri=claim_file.as_uri(), type=types.FileChangeType.Changed)]))
    found = by_code(session.diagnostics(uri, after=seen))
    assert "Once your capital gains are offset" in \
        found["house-capital-loss-unlimited-offset"].message
    claim_file.write_text("claims: [")
    session.save(uri)
    found = session.diagnostics(uri, after=seen + 1)
    assert len(found) == 1 and found[0].code.startswith("TC1")
