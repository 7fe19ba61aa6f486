//! Tests of tui_e2e (being written).
