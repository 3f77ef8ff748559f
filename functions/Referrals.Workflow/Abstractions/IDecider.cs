namespace Referrals.Workflow;

/// <summary>
/// The pure heart of a workflow: given the current state and a command, decide what happens.
/// No I/O, no clock reads, no randomness: <paramref name="now"/> is passed in, so every transition is a unit test.
/// </summary>
/// <typeparam name="TState">The instance state, serialized with System.Text.Json into the state row.</typeparam>
/// <typeparam name="TCommand">The workflow's command type (usually an abstract record with sealed cases).</typeparam>
public interface IDecider<TState, in TCommand>
    where TState : class
{
    /// <summary>Decides a command. <paramref name="state"/> is null when the instance does not exist yet.</summary>
    Decision<TState> Decide(TState? state, TCommand command, DateTimeOffset now);

    /// <summary>Decides a due timer. The decider must ignore a timer whose token no longer matches its state.</summary>
    Decision<TState> OnTimer(TState state, TimerElapsed timer, DateTimeOffset now);
}
