"""The mobilisation engine: notification, acknowledgement, escalation, travel and the
plan's steps on a virtual clock (SimPy), plus Monte Carlo batches. No Qt, no database:
it yields timeline events that ``console.drills`` records."""
