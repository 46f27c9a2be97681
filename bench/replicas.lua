-- wrk: spreads its threads over the replicas whose ports are in PORTS ("5001 5002"), as a round-robin load
-- balancer spreads clients, without a proxy of its own taking CPU from them.
local ports = {}
for port in string.gmatch(os.getenv("PORTS") or "", "%d+") do
  table.insert(ports, port)
end

local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  local port = ports[(next_thread - 1) % #ports + 1]
  thread.addr = wrk.lookup("127.0.0.1", port)[1]
end
