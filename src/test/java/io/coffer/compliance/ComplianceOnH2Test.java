package io.coffer.compliance;

import io.coffer.testing.Engine;

class ComplianceOnH2Test extends ComplianceCases {
    @Override
    protected Engine engine() {
        return Engine.H2;
    }
}
