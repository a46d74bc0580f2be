<?php

declare(strict_types=1);

use Example\Account;
use PHPUnit\Framework\TestCase;

final class AccountTest extends TestCase
{
    public function testDeposit(): void
    {
        $account = new Account();
        $account->deposit(50);
        $this->assertSame(50, $account->balance());
    }

    public function testWithdraw(): void
    {
        $account = new Account();
        $account->deposit(50);
        $account->withdraw(20);
        $this->assertSame(30, $account->balance());
    }
}
