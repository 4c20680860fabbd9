"""What a model costs a month at the founder's workload: through an API, on your GPUs, or on a customer's.

The figures are estimates from list prices and stated assumptions (`workload.assumptions`), good for
comparing options and seeing where break-even lies, not for a budget to the dollar. Every estimate
says how it was reached: `workload` (the traffic), `api` (per-token prices), `serving` (memory, GPUs,
replicas), `self_host` (the monthly bill of a plan), `break_even` (volumes where self-hosting wins),
`fine_tune` (training and moving a fine-tune).
"""
