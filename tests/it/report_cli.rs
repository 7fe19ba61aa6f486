//! Tests of report_cli (being written).
