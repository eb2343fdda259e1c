package org.launchbench.optim;

import java.util.Arrays;

/**
 * Sloan's profile-reducing ordering (S. W. Sloan, "An algorithm for profile and wavefront reduction of sparse matrices",
 * Int. J. Numer. Methods Eng. 23(2), 1986) over a sparsity pattern's graph, started from the ends reverse Cuthill-McKee
 * finds.
 */
final class SloanOrdering {

    private SloanOrdering() {
    }

    private static final int INACTIVE = 0;
    private static final int PREACTIVE = 1;
    private static final int ACTIVE = 2;
    private static final int NUMBERED = 3;

    /**
     * Sloan's ordering, each component from the vertex Cuthill-McKee started it from (pseudo-peripheral) towards the
     * last it reached, with weights 1 on the distance to that end and 2 on the growth of the front (the better of
     * the weights tried on the guidance's programs).
     *
     * @param rcm the reverse Cuthill-McKee order (its components contiguous, each root last)
     */
    static int[] order(int size, IndexPairs pattern, int[] rcm) {
        PatternGraph graph = PatternGraph.of(size, pattern);
        int[] start = graph.start();
        int[] adj = graph.adj();
        int[] status = new int[size];
        int[] priority = new int[size];
        int[] distance = new int[size];
        int[] queue = new int[size];
        boolean[] seen = new boolean[size];
        int[] order = new int[size];
        int count = 0;
        // max-heap of (priority, smaller vertex first), stale entries skipped when taken
        java.util.PriorityQueue<Long> heap = new java.util.PriorityQueue<>(java.util.Comparator.reverseOrder());
        for (int c = size - 1; c >= 0; c--) {
            int root = rcm[c];
            if (seen[root]) {
                continue;
            }
            // the component, and its end: the last vertex breadth first from the root; then each vertex's
            // distance from that end (its breadth-first level from there)
            int tail = ReverseCuthillMcKee.breadthFirst(root, start, adj, seen, distance, queue, 0);
            int end = queue[tail - 1];
            int t = ReverseCuthillMcKee.breadthFirst(end, start, adj, new boolean[size], distance, queue, 0);
            for (int i = 0; i < t; i++) {
                int v = queue[i];
                priority[v] = distance[v] - 2 * (graph.degree(v) + 1);
                status[v] = INACTIVE;
            }
            status[root] = PREACTIVE;
            heap.add(key(priority[root], root));
            while (!heap.isEmpty()) {
                long top = heap.poll();
                int v = Integer.MAX_VALUE - (int) (top & 0xFFFFFFFFL);
                if (status[v] == NUMBERED || (int) (top >> 32) != priority[v]) {
                    continue;
                }
                if (status[v] == PREACTIVE) {
                    for (int k = start[v]; k < start[v + 1]; k++) {
                        int w = adj[k];
                        priority[w] += 2;
                        if (status[w] == INACTIVE) {
                            status[w] = PREACTIVE;
                        }
                        if (status[w] != NUMBERED) {
                            heap.add(key(priority[w], w));
                        }
                    }
                }
                order[count++] = v;
                status[v] = NUMBERED;
                for (int k = start[v]; k < start[v + 1]; k++) {
                    int w = adj[k];
                    if (status[w] != PREACTIVE) {
                        continue;
                    }
                    status[w] = ACTIVE;
                    priority[w] += 2;
                    heap.add(key(priority[w], w));
                    for (int q = start[w]; q < start[w + 1]; q++) {
                        int x = adj[q];
                        if (status[x] == NUMBERED) {
                            continue;
                        }
                        priority[x] += 2;
                        if (status[x] == INACTIVE) {
                            status[x] = PREACTIVE;
                        }
                        heap.add(key(priority[x], x));
                    }
                }
            }
        }
        return order;
    }

    private static long key(int priority, int vertex) {
        return ((long) priority << 32) | (Integer.MAX_VALUE - vertex);
    }
}
