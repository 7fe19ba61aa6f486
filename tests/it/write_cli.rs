//! Tests of write_cli (being written).
