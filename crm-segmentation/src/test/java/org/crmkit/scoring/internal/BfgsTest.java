package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BfgsTest {
    @Test
    void minimise_findsTheRosenbrockMinimum() {
        Objective rosenbrock = (p, g) -> {
            double x = p[0];
            double y = p[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        };

        Minimum minimum = new Bfgs(rosenbrock, 1e-10, 500, 10).minimise(new double[] {-1.2, 1.0});

        assertThat(minimum.converged()).isTrue();
        assertThat(minimum.point()[0]).isCloseTo(1.0, within(1e-8));
        assertThat(minimum.point()[1]).isCloseTo(1.0, within(1e-8));
    }

    @Test
    void minimise_ofAnUnboundedFunction_stopsInsideTheBox() {
        Objective falling = (p, g) -> {
            g[0] = -1.0;
            return -p[0];
        };

        Minimum minimum = new Bfgs(falling, 1e-12, 500, 20).minimise(new double[] {0.0});

        assertThat(minimum.converged()).isFalse();
        assertThat(minimum.point()[0]).isLessThanOrEqualTo(20.0).isGreaterThan(19.0);
    }
}
