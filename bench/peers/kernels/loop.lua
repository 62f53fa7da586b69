local function run(n)
  local total = 0
  local i = 0
  while i < n do
    total = (total + i * i) % 1000000007
    i = i + 1
  end
  return total
end
print(string.format("%d", run(5000000)))
