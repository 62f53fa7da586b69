local function a(i, j)
  local s = i + j
  return 1.0 / (math.floor(s * (s + 1) / 2) + i + 1)
end
local function mulAv(v, n)
  local out = {}
  for i = 0, n - 1 do
    local t = 0.0
    for j = 0, n - 1 do t = t + a(i, j) * v[j + 1] end
    out[i + 1] = t
  end
  return out
end
local function mulAtv(v, n)
  local out = {}
  for i = 0, n - 1 do
    local t = 0.0
    for j = 0, n - 1 do t = t + a(j, i) * v[j + 1] end
    out[i + 1] = t
  end
  return out
end
local function run(n)
  local u = {}
  for i = 1, n do u[i] = 1.0 end
  local v = u
  for _ = 1, 10 do
    v = mulAtv(mulAv(u, n), n)
    u = mulAtv(mulAv(v, n), n)
  end
  local vbv, vv = 0.0, 0.0
  for i = 1, n do
    vbv = vbv + u[i] * v[i]
    vv = vv + v[i] * v[i]
  end
  return math.floor(vbv / vv * 1000000000)
end
print(string.format("%d", run(150)))
