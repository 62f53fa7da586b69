module github.com/aio-lang/aio

go 1.25.0

require (
	github.com/alecthomas/participle/v2 v2.1.4
	github.com/chzyer/readline v1.5.1
	github.com/cockroachdb/apd/v3 v3.2.3
	github.com/dlclark/regexp2/v2 v2.13.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/crypto v0.45.0
	golang.org/x/sys v0.38.0
	golang.org/x/text v0.38.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
