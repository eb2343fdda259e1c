package org.launchbench.fc.hil;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.launchbench.fc.api.Packet;

/**
 * A plant whose sensors read like real ones: each listed field gets a constant bias and white Gaussian noise of a
 * given standard deviation, from a seeded generator (so a run can be repeated exactly). Fields not listed read true.
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
    private final SplittableRandom random;

    /**
     * @param plant  the true plant
     * @param errors "packet.field" to its error
     * @param seed   the noise's seed
     */
    public NoisySensors(Plant plant, Map<String, Error> errors, long seed) {
        this.plant = plant;
        this.errors = Map.copyOf(errors);
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Map<String, Map<String, Double>> sensors(double t) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> p : plant.sensors(t).entrySet()) {
            Map<String, Double> values = new HashMap<>(p.getValue());
            for (Map.Entry<String, Double> v : values.entrySet()) {
                Error e = errors.get(p.getKey() + "." + v.getKey());
                if (e != null) {
                    v.setValue(v.getValue() + e.bias() + e.sigma() * gaussian());
                }
            }
            out.put(p.getKey(), values);
        }
        return out;
    }

    /** Box-Muller from the seeded generator. */
    private double gaussian() {
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
