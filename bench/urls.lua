-- Replays the request paths of the file named by $URLS (one per line) in random order;
-- each wrk thread seeds its own generator so that runs are repeatable.
local counter = 1
local paths = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  for line in io.lines(os.getenv("URLS")) do
    paths[#paths + 1] = line
  end
  math.randomseed(id)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
