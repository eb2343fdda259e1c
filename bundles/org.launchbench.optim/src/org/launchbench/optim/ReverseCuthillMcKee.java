package org.launchbench.optim;

/**
 * The reverse Cuthill-McKee ordering (George and Liu, Computer Solution of Large Sparse Positive Definite Systems, 1981)
 * over a sparsity pattern's graph: a narrow band for a discretised trajectory.
 */
final class ReverseCuthillMcKee {

    private ReverseCuthillMcKee() {
    }

    /** Reverse Cuthill-McKee, each component from a pseudo-peripheral vertex, neighbours by increasing degree. */
    static int[] order(int size, IndexPairs pattern) {
        PatternGraph graph = PatternGraph.of(size, pattern);
        int[] start = graph.start();
        int[] adj = graph.adj();
        int[] degree = new int[size];
        for (int v = 0; v < size; v++) {
            degree[v] = graph.degree(v);
        }
        boolean[] seen = new boolean[size];
        int[] order = new int[size];
        int[] level = new int[size];
        int count = 0;
        for (int s = 0; s < size; s++) {
            if (seen[s]) {
                continue;
            }
            // pseudo-peripheral start (George and Liu): from a vertex, go to a least-degree vertex of the last
            // breadth-first level while the eccentricity grows
            int root = s;
            int eccentricity = -1;
            while (true) {
                int end = breadthFirst(root, start, adj, seen, level, order, count);
                int levels = level[order[end - 1]] + 1;
                int best = -1;
                for (int i = end - 1; i >= count && level[order[i]] == levels - 1; i--) {
                    if (best < 0 || degree[order[i]] < degree[best]) {
                        best = order[i];
                    }
                }
                for (int i = count; i < end; i++) {
                    seen[order[i]] = false;
                }
                if (levels <= eccentricity) {
                    break;
                }
                eccentricity = levels;
                root = best;
            }
            // Cuthill-McKee from there: breadth first, each vertex's new neighbours by increasing degree
            int head = count;
            order[count++] = root;
            seen[root] = true;
            while (head < count) {
                int v = order[head++];
                int from = count;
                for (int k = start[v]; k < start[v + 1]; k++) {
                    int u = adj[k];
                    if (!seen[u]) {
                        seen[u] = true;
                        order[count++] = u;
                    }
                }
                for (int i = from + 1; i < count; i++) {
                    int x = order[i];
                    int j = i - 1;
                    while (j >= from && degree[order[j]] > degree[x]) {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = x;
                }
            }
        }
        int[] reversed = new int[size];
        for (int i = 0; i < size; i++) {
            reversed[i] = order[size - 1 - i];
        }
        return reversed;
    }

    /** Breadth-first levels from root over unseen vertices into order[at …], marking them; @return the end */
    static int breadthFirst(int root, int[] start, int[] adj, boolean[] seen, int[] level, int[] order, int at) {
        int head = at;
        int tail = at;
        order[tail++] = root;
        seen[root] = true;
        level[root] = 0;
        while (head < tail) {
            int v = order[head++];
            for (int k = start[v]; k < start[v + 1]; k++) {
                int u = adj[k];
                if (!seen[u]) {
                    seen[u] = true;
                    level[u] = level[v] + 1;
                    order[tail++] = u;
                }
            }
        }
        return tail;
    }
}
