<?php

declare(strict_types=1);

namespace Example;

final class Account
{
    private int $balance = 0;

    public function balance(): int { return $this->balance; }

    public function deposit(int $amount): void
    {
        if ($amount <= 0) {
            throw new \InvalidArgumentException('amount must be positive');
        }
        $this->balance += $amount;
    }

    public function withdraw(int $amount): void
    {
        if ($amount > $this->balance) {
            throw new \RuntimeException('insufficient funds');
        }
        $this->balance -= $amount;
    }

    public function close(): int { $left = $this->balance; $this->balance = 0; return $left; }
}
