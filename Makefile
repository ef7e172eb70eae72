# The platform's commands. `make help` lists them; README.md explains them.
SHELL := /bin/bash
STACK := infra/bin/stack.sh

.PHONY: help up down status test superuser import demo-data reindex bench bench-short chaos

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

up: ## install what is missing, build, start every server, app and the gateway, wait until healthy
	@bash $(STACK) up

down: ## stop everything `make up` started
	@bash $(STACK) down

status: ## one line per component: up/down, port, pid
	@bash $(STACK) status

test: ## start the servers the tests need, run unit and integration tests, stop what it started
	@bash $(STACK) test

superuser: ## create or promote a superuser (role admin): make superuser EMAIL=… PASSWORD=…
	@EMAIL="$(EMAIL)" PASSWORD="$(PASSWORD)" bash infra/bin/superuser.sh

import: ## import a catalogue folder in the original format (DATA=../shared/data/movies); idempotent
	@bash infra/bin/catalog.sh import $(or $(DATA),../shared/data/movies)

demo-data: ## generate a synthetic catalogue of FILMS films (SEED=42) and import it
	@bash infra/bin/catalog.sh demo-data $(or $(FILMS),1000) $(or $(SEED),42)

reindex: ## rebuild the search indices by event replay, no downtime, with progress: make reindex ADMIN_EMAIL=… ADMIN_PASSWORD=…
	@ADMIN_EMAIL="$(ADMIN_EMAIL)" ADMIN_PASSWORD="$(ADMIN_PASSWORD)" ADMIN_TOKEN="$(ADMIN_TOKEN)" INDICES="$(INDICES)" bash infra/bin/reindex.sh

bench: ## measure the running platform against raw baselines (3 runs each) → bench/results/<date>.md; not in CI
	@bash bench/bench.sh run $(BENCH_ARGS)

bench-short: ## the load benchmarks briefly (1 run of 3 s, light load, no reindex), to check the harness
	@bash bench/bench.sh run --only=commands,projection,search,ugc --runs=1 --seconds=3 --search-clients=10 \
	  --ugc-clients=2 --projection-rate=5 --name=short $(BENCH_ARGS)

chaos: ## fault and security suite against the running stack: restarts servers, kill -9 of query-side (see bench/README.md)
	@bash bench/bench.sh chaos $(CHAOS_ARGS)
