-- wrk script: cycles through the paths of a file (one per line: path, or path TAB etag for If-None-Match).
-- wrk -s bench/e2e/cycle.lua URL -- PATHS_FILE
local requests = {}
local next_request = 1

function init(args)
  for line in io.lines(args[1]) do
    local path, etag = line:match("^([^\t]+)\t?(.*)$")
    local headers = {}
    if etag ~= nil and etag ~= "" then
      headers["If-None-Match"] = etag
    end
    requests[#requests + 1] = wrk.format("GET", path, headers)
  end
  -- Threads start at different places so that they do not ask for the same URL in step.
  next_request = (math.random(1, #requests))
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function done(summary, latency, requests_)
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
