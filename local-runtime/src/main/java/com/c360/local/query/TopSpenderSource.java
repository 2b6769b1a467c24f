package com.c360.local.query;

import java.util.List;

/** Highest lifetime spenders first, ties broken by customer id. */
public interface TopSpenderSource {
    List<TopSpender> top(int limit);
}
