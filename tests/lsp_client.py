"""A real LSP client (pygls's own) driving ``taxcheck lsp`` over stdio, for tests.

The client runs its event loop in a background thread; every call waits with a
timeout, so a server that hangs fails the test instead of stalling the suite.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 120.0
"""Seconds to wait for the server (the first check builds the spaCy pipeline)."""


class LspSession:
    """A started and initialized ``taxcheck lsp`` process with a client attached."""

    def __init__(self, cwd: Path, initialization_options: dict | None = None):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.registrations: list[types.Registration] = []
        self.changed = threading.Condition()
        self.client = self.run_sync(self._make_client)
        self.run(self.client.start_io(sys.executable, "-m", "taxcheck", "lsp", cwd=str(cwd)))
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=True)),
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                    version_support=True)))
        self.initialize_result = self.run(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=cwd.as_uri(), process_id=None,
            initialization_options=initialization_options)))
        self.notify(self.client.initialized, types.InitializedParams())

    def _make_client(self) -> LanguageClient:
        client = LanguageClient("taxcheck-tests", "1")

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            with self.changed:
                self.published.setdefault(params.uri, []).append(params)
                self.changed.notify_all()

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            with self.changed:
                self.registrations.extend(params.registrations)
                self.changed.notify_all()

        @client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams) -> None:
            pass

        return client

    def run(self, coroutine: Any, timeout: float = TIMEOUT) -> Any:
        """Run a coroutine on the client's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def run_sync(self, func: Callable[[], Any]) -> Any:
        async def call() -> Any:
            return func()
        return self.run(call())

    def notify(self, method: Callable[[Any], None], params: Any) -> None:
        """Send a notification from the loop's thread."""
        self.run_sync(lambda: method(params))

    def open(self, path: Path, text: str, language_id: str = "markdown") -> str:
        uri = path.as_uri()
        self.notify(self.client.text_document_did_open, types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1,
                                                 text=text)))
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        """Replace the whole text of an open document."""
        self.notify(self.client.text_document_did_change, types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def save(self, uri: str) -> None:
        self.notify(self.client.text_document_did_save, types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))

    def diagnostics(self, uri: str, *, after: int = 0, version: int | None = None,
                    timeout: float = TIMEOUT) -> list[types.Diagnostic]:
        """The diagnostics of the first publication for ``uri`` past the ``after``-th
        (and for ``version``, when given)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for params in self.published.get(uri, [])[after:]:
                    if version is None or params.version == version:
                        return list(params.diagnostics)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no diagnostics for {uri} within {timeout}s")
                self.changed.wait(left)

    def count(self, uri: str) -> int:
        """How many times diagnostics were published for ``uri`` so far."""
        with self.changed:
            return len(self.published.get(uri, []))

    def hover(self, uri: str, line: int, character: int) -> types.Hover | None:
        return self.run(self.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character))))

    def code_actions(self, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        return self.run(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic])))) or []

    def close(self) -> int | None:
        """Shut the server down politely; return its exit code."""
        try:
            self.run(self.client.shutdown_async(None), timeout=30)
            self.notify(self.client.exit, None)
            self.run(self.client.stop(), timeout=30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
        server = self.client._server
        return None if server is None else server.returncode


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply text edits (ASCII text: positions are characters) from the last to the first."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text
