//! Integration tests: one binary, modules in reading order.
