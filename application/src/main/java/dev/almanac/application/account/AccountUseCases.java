package dev.almanac.application.account;

/**
 * The account use cases, wired to their ports.
 *
 * @param prepare starts, in the background, the work the use cases would otherwise do on the first request that
 *                needs it: the decoy hash that unknown addresses and locked accounts are checked against (ADR
 *                0034). A service calls it once it serves, so that work does not compete with its start-up; it may
 *                be called more than once, and without it the first such check does the work itself.
 */
public record AccountUseCases(RegisterAccountUseCase register, AuthenticateUseCase authenticate, SignInUseCase signIn,
                              IdentifyCallerUseCase identifyCaller, GetAccountUseCase getAccount,
                              RefreshSessionUseCase refresh, SignOutUseCase signOut, SessionsUseCase sessions,
                              CreateApiKeyUseCase createApiKey, ApiKeysUseCase apiKeys,
                              AuthenticateApiKeyUseCase authenticateApiKey,
                              ChangePasswordUseCase changePassword, DeleteAccountUseCase deleteAccount,
                              VerifyAccountUseCase verify, ResendVerificationUseCase resendVerification,
                              ChangeEmailUseCase changeEmail, DisableAccountUseCase disable, Runnable prepare) {

    public static AccountUseCases wire(AccountPorts ports, LifecyclePorts lifecycle) {
        var sessions = new SessionService(ports);
        var acting = new ActingAccounts(ports.accounts());
        var service = new AccountService(ports, sessions);
        var life = new LifecycleService(ports, lifecycle, service);
        var apiKeys = new ApiKeyService(ports, acting);
        return new AccountUseCases(life, service, service, service, service, sessions, sessions, sessions,
                apiKeys, apiKeys, apiKeys, service, service, life, life, life, life, service::prepareDecoy);
    }
}
