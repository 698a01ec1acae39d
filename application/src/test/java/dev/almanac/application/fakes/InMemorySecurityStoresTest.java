package dev.almanac.application.fakes;

import dev.almanac.application.contract.AuditTrailContract;
import dev.almanac.application.contract.SecurityStores;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.contract.SessionRepositoryContract;
import dev.almanac.application.contract.SigningKeyStoreContract;
import org.junit.jupiter.api.Nested;

class InMemorySecurityStoresTest {

    static SecurityStores fresh() {
        InMemoryStore store = new InMemoryStore();
        return new SecurityStores(store.accounts(), store.sessions(), new InMemorySigningKeys());
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected SecurityStores freshStores() {
            return fresh();
        }
    }

    @Nested
    class SigningKeys extends SigningKeyStoreContract {
        @Override
        protected SecurityStores freshStores() {
            return fresh();
        }
    }

    @Nested
    class Audit extends AuditTrailContract {
        @Override
        protected AuditTrail freshTrail() {
            return new InMemoryAuditTrail();
        }
    }
}
