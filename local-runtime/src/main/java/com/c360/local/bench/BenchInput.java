package com.c360.local.bench;

/** A generated CSV: data rows (header excluded), its size, and the generator's seed and customers. */
public record BenchInput(int rows, long bytes, long seed, int customers) {
}
