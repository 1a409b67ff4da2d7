package io.coffer.compliance;

import io.coffer.testing.Engine;

class ComplianceOnPostgresTest extends ComplianceCases {
    @Override
    protected Engine engine() {
        return Engine.POSTGRES;
    }
}
