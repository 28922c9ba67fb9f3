// The Outbox module; see the other files of this folder.
