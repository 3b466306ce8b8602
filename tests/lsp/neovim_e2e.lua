-- End-to-end test with Neovim's built-in LSP client (nvim 0.7+), run headless by
-- neovim_test.cc: open a file with `ocrlint lsp` attached, wait for diagnostics, apply the
-- "fix all" code action, write the buffer, and record what happened as JSON.
local binary = os.getenv("OCRLINT_BINARY")
local file = os.getenv("OCRLINT_FILE")
local result_path = os.getenv("OCRLINT_RESULT")
local result = { error = vim.NIL }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, result_path)
  vim.cmd("qa!")
end

local function fail(message)
  result.error = message
  finish()
end

local function collect(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(out, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = lsp.code,
                        message = d.message, severity = d.severity })
  end
  table.sort(out, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return out
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "ocrlint",
  cmd = { binary, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
})
if not client_id then return fail("could not start the server") end
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
  return fail("no diagnostics within 10 s")
end
result.diagnostics = collect(bufnr)

local client = vim.lsp.get_client_by_id(client_id)
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = {}, only = { "source.fixAll.ocrlint" } }
local response = client.request_sync("textDocument/codeAction", params, 5000, bufnr)
if not response or response.err or not response.result or #response.result ~= 1 then
  return fail("no fix-all code action: " .. vim.inspect(response))
end
local action = response.result[1]
result.action_title = action.title
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
vim.cmd("write")

-- The server re-lints the edited buffer: wait until the fixed findings are gone.
local before = #result.diagnostics
vim.wait(5000, function() return #vim.diagnostic.get(bufnr) < before end, 20)
result.remaining = collect(bufnr)
finish()
