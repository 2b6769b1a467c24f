package com.c360.local.asl;

public enum ExecutionStatus {
  SUCCEEDED,
  FAILED
}
