package org.launchbench.fc.hil;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.launchbench.fc.api.Packet;

/**
 * A plant whose sensors read like real ones: each listed field gets a constant bias and white Gaussian noise of a
 * given standard deviation. Each field draws from its own generator, seeded by the seed and the field's name, so a
 * run repeats exactly whatever order the plant lists its fields in, and adding a noisy field leaves the others'
 * noise as it was. Fields not listed read true; a listed field the plant never reports is an error at the first
 * reading.
 */
public final class NoisySensors implements Plant {

    /**
     * One field's errors.
     *
     * @param bias  constant offset, in the field's unit
     * @param sigma standard deviation of the white noise, in the field's unit
     */
    public record Error(double bias, double sigma) {
    }

    private final Plant plant;
    private final Map<String, Error> errors;
    private final Map<String, SplittableRandom> generators = new HashMap<>();
    private boolean checked;

    /**
     * @param plant  the true plant
     * @param errors "packet.field" to its error
     * @param seed   the noise's seed
     */
    public NoisySensors(Plant plant, Map<String, Error> errors, long seed) {
        this.plant = plant;
        this.errors = Map.copyOf(errors);
        for (String key : errors.keySet()) {
            // String.hashCode is specified, so the seeds are the same on every JVM
            generators.put(key, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode()));
        }
    }

    @Override
    public Map<String, Map<String, Double>> sensors(double t) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        Map<String, Map<String, Double>> truth = plant.sensors(t);
        if (!checked) {
            for (String key : errors.keySet()) {
                int dot = key.indexOf('.');
                if (dot < 0 || !truth.containsKey(key.substring(0, dot)) || !truth.get(key.substring(0, dot)).containsKey(key.substring(dot + 1))) {
                    throw new IllegalArgumentException("no sensor field " + key + " to add errors to (the plant reports " + truth.keySet() + ")");
                }
            }
            checked = true;
        }
        for (Map.Entry<String, Map<String, Double>> p : truth.entrySet()) {
            Map<String, Double> values = new HashMap<>(p.getValue());
            for (Map.Entry<String, Double> v : values.entrySet()) {
                String key = p.getKey() + "." + v.getKey();
                Error e = errors.get(key);
                if (e != null) {
                    v.setValue(v.getValue() + e.bias() + e.sigma() * gaussian(generators.get(key)));
                }
            }
            out.put(p.getKey(), values);
        }
        return out;
    }

    /** Box-Muller from a field's generator. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Override
    public void step(double t, double dt, Map<String, Packet> commands) {
        plant.step(t, dt, commands);
    }

    @Override
    public boolean finished() {
        return plant.finished();
    }
}
