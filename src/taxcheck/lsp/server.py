"""``taxcheck lsp``: the language server (pygls) over standard input and output.

It checks Markdown, plain-text and HTML documents when they are opened, changed (after a
short pause in typing) and saved, and publishes one diagnostic per finding. Hover over
flagged words explains the rule; code actions fix a wrong figure or silence a claim on
a line. The spaCy pipeline is built once per set of claim folders and kept warm.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from taxcheck import __version__
from taxcheck.findings import Finding
from taxcheck.lsp import convert
from taxcheck.lsp.engine import Engine

DEBOUNCE_SECONDS = 0.3
"""How long typing must pause before a changed document is checked again."""

WATCHED = ("**/.taxcheck.toml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")
"""Files whose change makes every open document be checked again."""

log = logging.getLogger(__name__)


@dataclass
class State:
    """What the server remembers between requests."""

    engine: Engine = field(default_factory=Engine)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    """The shown findings of each open document, by URI (for hovers and code actions)."""
    pending: dict[str, asyncio.Task] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class TaxcheckServer(LanguageServer):
    """A pygls server with taxcheck's state."""

    def __init__(self) -> None:
        super().__init__("taxcheck", __version__)
        self.state = State()


def _path(doc: TextDocument) -> Path:
    """The file a document is (an unsaved buffer: a name in the current folder)."""
    path = to_fs_path(doc.uri) if doc.uri.startswith("file:") else None
    return Path(path) if path else Path.cwd() / "untitled"


async def check_document(ls: TaxcheckServer, uri: str) -> None:
    """Check an open document and publish its diagnostics (replacing the previous ones)."""
    state = ls.state
    doc = ls.workspace.get_text_document(uri)
    version, text = doc.version, doc.source
    async with state.lock:
        outcome = await asyncio.to_thread(state.engine.check, _path(doc), text,
                                          doc.language_id)
    doc = ls.workspace.get_text_document(uri)
    if doc.version != version:
        return  # changed while it was checked: the newer check publishes
    if outcome.problem is not None:
        state.findings[uri] = []
        found = [convert.problem_diagnostic(outcome.problem)]
    elif outcome.report is None:
        state.findings[uri] = []
        found = []
    else:
        floor = outcome.settings.min_severity if outcome.settings else "warning"
        state.findings[uri] = [f for f in outcome.report.findings if convert.shown(f, floor)]
        found = convert.diagnostics(doc, outcome.report, floor)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))


def schedule(ls: TaxcheckServer, uri: str, delay: float = 0.0) -> None:
    """Check ``uri`` after ``delay`` seconds, cancelling a check still waiting for it."""
    pending = ls.state.pending

    async def run() -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            await check_document(ls, uri)
        finally:
            if pending.get(uri) is task:
                del pending[uri]

    previous = pending.get(uri)
    if previous is not None and not previous.done():
        previous.cancel()
    task = asyncio.get_running_loop().create_task(run())
    pending[uri] = task


def initialize(ls: TaxcheckServer, params: types.InitializeParams) -> None:
    """``initializationOptions.minSeverity`` (error, warning, info) overrides the setting."""
    options = params.initialization_options or {}
    floor = options.get("minSeverity") if isinstance(options, dict) else None
    if floor in ("error", "warning", "info"):
        ls.state.engine = Engine(min_severity=floor)


async def initialized(ls: TaxcheckServer, params: types.InitializedParams) -> None:
    """Ask the client to report changes of configuration and claim files, if it can."""
    watch = ls.client_capabilities.workspace
    dynamic = watch and watch.did_change_watched_files and \
        watch.did_change_watched_files.dynamic_registration
    if not dynamic:
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[
            types.Registration(id="taxcheck-watch",
                               method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                               register_options=options)]))
    except Exception as exc:  # the client declined: settings are still read on every check
        log.info("file watching not registered: %s", exc)


def did_open(ls: TaxcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri)


def did_change(ls: TaxcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri, DEBOUNCE_SECONDS)


def did_save(ls: TaxcheckServer, params: types.DidSaveTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri)


def did_close(ls: TaxcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.state.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.state.findings.pop(uri, None)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def watched_changed(ls: TaxcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A configuration or claim file changed: check the open documents again (the
    settings are read on every check; a checker is rebuilt when its claim files change)."""
    for uri in list(ls.workspace.text_documents):
        schedule(ls, uri)


def hover(ls: TaxcheckServer, params: types.HoverParams) -> types.Hover | None:
    """The rule, correction and sources of the finding under the cursor."""
    doc = ls.workspace.get_text_document(params.text_document.uri)
    at = doc.position_from_client_units(params.position)
    for f in ls.state.findings.get(doc.uri, []):
        if convert.contains(f, at.line + 1, at.character + 1):
            return types.Hover(
                contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                             value=convert.hover_text(f)),
                range=convert.finding_range(doc, f))
    return None


def code_action(ls: TaxcheckServer,
                params: types.CodeActionParams) -> list[types.CodeAction]:
    """For each problem in the range: fix its figure (if it has one), or silence it."""
    doc = ls.workspace.get_text_document(params.text_document.uri)
    rng = doc.range_from_client_units(params.range)
    wanted = {d.data.get("finding") for d in params.context.diagnostics
              if d.source == convert.SOURCE and isinstance(d.data, dict)}
    actions = []
    for f in ls.state.findings.get(doc.uri, []):
        if f.id not in wanted and not convert.overlaps(f, rng.start.line + 1,
                                                       rng.end.line + 1):
            continue
        if not f.is_problem:
            continue
        fix = convert.fix_action(doc, f)
        if fix is not None:
            actions.append(fix)
        actions.append(convert.disable_action(doc, f))
    return actions


def build_server() -> TaxcheckServer:
    """The server with every feature registered."""
    server = TaxcheckServer()
    server.feature(types.INITIALIZE)(initialize)
    server.feature(types.INITIALIZED)(initialized)
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(types.TEXT_DOCUMENT_DID_SAVE)(did_save)
    server.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)(watched_changed)
    server.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))(code_action)
    return server


def serve() -> None:
    """Run the server on standard input and output until the client exits."""
    build_server().start_io()
