// Tests of the Outbox module.
