-- wrk script for scripts/bench-submissions: POSTs one multipart body over and over, each request
-- with its own Idempotency-Key (thread number + counter + a run prefix), so every request is a
-- new submission and none is answered from an earlier one.
-- Environment: SUBMIT_BODY (file with the multipart body), SUBMIT_PREFIX, SUBMIT_TOKEN, SUBMIT_BOUNDARY.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  local file = assert(io.open(os.getenv("SUBMIT_BODY"), "rb"))
  body = file:read("*a")
  file:close()
  prefix = os.getenv("SUBMIT_PREFIX") .. "-" .. tostring(thread_number) .. "-"
  counter = 0
  headers = {
    ["Content-Type"] = "multipart/form-data; boundary=" .. os.getenv("SUBMIT_BOUNDARY"),
    ["Authorization"] = "Bearer " .. os.getenv("SUBMIT_TOKEN"),
  }
end

function request()
  counter = counter + 1
  headers["Idempotency-Key"] = prefix .. counter
  return wrk.format("POST", nil, headers, body)
end
