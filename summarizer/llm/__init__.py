"""The model: the only package that knows the OpenAI SDK.

engine.py sends structured-output requests (through the run's gate and rate controller, transport
faults retried) and re-asks answers that do not validate; failures.py says what an endpoint's errors
mean; ratelimit.py is the run's rate controller; prompts.py renders the templates in prompts/.
May import: models, errors, text, config.
"""
