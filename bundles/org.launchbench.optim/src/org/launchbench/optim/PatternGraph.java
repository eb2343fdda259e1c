package org.launchbench.optim;

import java.util.Arrays;

/** The pattern's graph: vertex v's neighbours are adj[start[v]] … adj[start[v + 1] - 1], no duplicates. */
record PatternGraph(int[] start, int[] adj) {
    static PatternGraph of(int size, IndexPairs pattern) {
        int[] start = new int[size + 1];
        for (int k = 0; k < pattern.count; k++) {
            start[pattern.i[k] + 1]++;
            start[pattern.j[k] + 1]++;
        }
        for (int v = 0; v < size; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = Arrays.copyOf(start, size);
        int[] adj = new int[start[size]];
        for (int k = 0; k < pattern.count; k++) {
            adj[fill[pattern.i[k]]++] = pattern.j[k];
            adj[fill[pattern.j[k]]++] = pattern.i[k];
        }
        int[] mark = new int[size];
        Arrays.fill(mark, -1);
        int w = 0;
        for (int v = 0; v < size; v++) {
            int from = w;
            for (int k = start[v]; k < start[v + 1]; k++) {
                if (mark[adj[k]] != v && adj[k] != v) {
                    mark[adj[k]] = v;
                    adj[w++] = adj[k];
                }
            }
            start[v] = from;
        }
        start[size] = w;
        return new PatternGraph(start, adj);
    }

    int degree(int v) {
        return start[v + 1] - start[v];
    }
}
