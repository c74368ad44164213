"""The Neovim snippet of docs/integrations.md, run as written in a headless Neovim.

Debian's Neovim may be older than 0.8, which added ``vim.lsp.start``; the test then
defines it from the 0.7 calls (``start_client`` + ``buf_attach_client``) before the
snippet runs. Skipped when Neovim is not installed, unless TAXCHECK_REQUIRE_NEOVIM is
set (CI installs it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(
    NVIM is None and not os.environ.get("TAXCHECK_REQUIRE_NEOVIM"),
    reason="Neovim is not installed (apt-get install neovim)")

SHIM = """
if vim.lsp.start == nil then
  vim.lsp.start = function(config)
    local id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, id)
    return id
  end
end
"""

DRIVER = """
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  vim.wait(120000, function() return #vim.diagnostic.get(0) > 0 end, 100)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out, { lnum = d.lnum, col = d.col, message = d.message,
                        code = d.code or lsp.code, severity = d.severity })
  end
  vim.fn.writefile({ vim.fn.json_encode(out) }, "%s")
  vim.cmd("qa!")
end })
"""


def snippet() -> str:
    text = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
    m = re.search(r"### Neovim.*?```lua\n(.*?)```", text, re.DOTALL)
    assert m, "docs/integrations.md has no Neovim snippet"
    return m.group(1)


def test_the_documented_neovim_setup_shows_taxcheck_diagnostics(tmp_path: Path):
    assert NVIM is not None, "TAXCHECK_REQUIRE_NEOVIM is set but nvim is not installed"
    (tmp_path / ".taxcheck.toml").write_text("tax_year = 2026\n")
    article = tmp_path / "article.md"
    article.write_text("# Limits\n\nThe IRA contribution limit is $7,000 for 2026.\n")
    out = tmp_path / "diagnostics.json"
    init = tmp_path / "init.lua"
    init.write_text(SHIM + snippet() + DRIVER % out)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
           f"{os.environ.get('PATH', '')}", "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([NVIM, "--headless", "-u", str(init), "-i", "NONE", str(article)],
                   cwd=tmp_path, env=env, timeout=180, capture_output=True, check=False)
    found = json.loads(out.read_text())
    codes = {d["code"] for d in found}
    assert "ira-limit" in codes
    ira = next(d for d in found if d["code"] == "ira-limit")
    assert (ira["lnum"], ira["col"]) == (2, 0)
    assert "$7,500" in ira["message"]
