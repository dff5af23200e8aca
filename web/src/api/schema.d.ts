/**
 * GENERATED from the server's OpenAPI document by scripts/gen-api-types.ts: do not edit.
 * Regenerate with `npm run gen:api`; `npm run check` fails when this file is stale.
 * web/src/api/types.ts gives its shapes the names the web uses.
 */
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and database reachability */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
              /** @enum {string} */
              db: 'pglite' | 'postgres';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in; sets the httpOnly session cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              userId: number;
              username: string;
              staffId: string;
              name: string;
              /** @enum {string} */
              role:
                | 'rm'
                | 'wealth_rm'
                | 'private_advisor'
                | 'lobby_manager'
                | 'outlet_head'
                | 'sub_branch_manager'
                | 'branch_manager'
                | 'head_office'
                | 'admin';
              orgId: string;
              orgName: string;
              /** @enum {string} */
              orgLevel: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
              /** @description signed in with a one-time password: change it before anything else */
              mustChangePassword: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out; ends the session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              userId: number;
              username: string;
              staffId: string;
              name: string;
              /** @enum {string} */
              role:
                | 'rm'
                | 'wealth_rm'
                | 'private_advisor'
                | 'lobby_manager'
                | 'outlet_head'
                | 'sub_branch_manager'
                | 'branch_manager'
                | 'head_office'
                | 'admin';
              orgId: string;
              orgName: string;
              /** @enum {string} */
              orgLevel: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
              /** @description signed in with a one-time password: change it before anything else */
              mustChangePassword: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change one’s own password (also the one-time one); every other session of the user ends */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessionsEnded: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every login with its staff member (administrators) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                userId: number;
                username: string;
                staffId: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'rm'
                  | 'wealth_rm'
                  | 'private_advisor'
                  | 'lobby_manager'
                  | 'outlet_head'
                  | 'sub_branch_manager'
                  | 'branch_manager'
                  | 'head_office'
                  | 'admin';
                orgId: string;
                orgName: string;
                disabled: boolean;
                mustChangePassword: boolean;
                /** @description the staff member has left (their login is disabled) */
                staffLeft: boolean;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a login for a staff member; answers its one-time password once (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            staffId: string;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              username: string;
              /** @description shown once: the user must change it at first sign-in */
              oneTimePassword: string;
              userId: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active staff members without a login (administrators): whom a login may be created for */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description at most 200, by outlet; `q` narrows by staff id, name or outlet name */
              items: {
                staffId: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'rm'
                  | 'wealth_rm'
                  | 'private_advisor'
                  | 'lobby_manager'
                  | 'outlet_head'
                  | 'sub_branch_manager'
                  | 'branch_manager'
                  | 'head_office'
                  | 'admin';
                orgId: string;
                orgName: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{userId}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new one-time password for a login; its sessions end (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              username: string;
              /** @description shown once: the user must change it at first sign-in */
              oneTimePassword: string;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{userId}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable a login: its sessions end at once (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              username: string;
              disabled: boolean;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{userId}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable a login again (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              username: string;
              disabled: boolean;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customers in the caller’s scope, paged, sorted by month-average AUM or `sort` (names masked) */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          tier?: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
          band?: 'premium' | 'affluent' | 'wealth' | 'private';
          orgId?: string;
          rmId?: string;
          q?: string;
          /** @description among the eligible tiers: with (true) or without (false) an open primary RM */
          managed?: 'true' | 'false';
          /** @description true: only the tiers that must have a primary RM */
          eligible?: 'true' | 'false';
          /** @description column to sort by (default monthAvgAum); ties by customer number */
          sort?: 'monthAvgAum' | 'aum' | 'tier' | 'name' | 'customerId' | 'rm';
          /** @description default desc for money and tier, asc otherwise */
          order?: 'asc' | 'desc';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                customerId: string;
                /** @description masked */
                name: string;
                /** @enum {string} */
                tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                /**
                 * @description the tier the customer is near (80–100% of its floor)
                 * @enum {string|null}
                 */
                band: 'premium' | 'affluent' | 'wealth' | 'private' | null;
                /** @description CNY, decimal with 2 decimals */
                aum: string;
                /** @description CNY, decimal with 2 decimals */
                monthAvgAum: string;
                rmId: string | null;
                rmName: string | null;
                orgId: string;
                orgName: string;
              }[];
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The whole filtered list, in its order, as an .xlsx sheet (masked, audited, row-limited); managers only */
    get: {
      parameters: {
        query?: {
          tier?: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
          band?: 'premium' | 'affluent' | 'wealth' | 'private';
          orgId?: string;
          rmId?: string;
          q?: string;
          /** @description among the eligible tiers: with (true) or without (false) an open primary RM */
          managed?: 'true' | 'false';
          /** @description true: only the tiers that must have a primary RM */
          eligible?: 'true' | 'false';
          /** @description column to sort by (default monthAvgAum); ties by customer number */
          sort?: 'monthAvgAum' | 'aum' | 'tier' | 'name' | 'customerId' | 'rm';
          /** @description default desc for money and tier, asc otherwise */
          order?: 'asc' | 'desc';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the .xlsx file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Counts and AUM per tier, near-threshold bands and coverage for the caller’s scope (optionally an org node or RM) */
    get: {
      parameters: {
        query?: {
          orgId?: string;
          rmId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description business date of the figures (system_state aum_as_of); null before any AUM */
              asOf: string | null;
              customers: number;
              /** @description CNY, decimal with 2 decimals */
              aum: string;
              /** @description every tier, mass … private */
              tiers: {
                /** @enum {string} */
                tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                customers: number;
                /** @description CNY, decimal with 2 decimals */
                aum: string;
              }[];
              /** @description every band, premium … private */
              bands: {
                /**
                 * @description the tier the customer is near (80–100% of its floor)
                 * @enum {string}
                 */
                band: 'premium' | 'affluent' | 'wealth' | 'private';
                customers: number;
              }[];
              eligible: number;
              managed: number;
              unmanaged: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{customerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customer 360 view; 404 when outside the caller’s scope */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              name: string;
              phone: string | null;
              /** @description masked to its last 4 characters */
              idNumber: string | null;
              masked: boolean;
              canReveal: boolean;
              /** @enum {string|null} */
              gender: 'm' | 'f' | null;
              /** @description only for a viewer who may reveal (the owning RM); others get null and the age */
              birthDate: string | null;
              age: number | null;
              senior: boolean;
              orgId: string;
              orgName: string;
              /** @description YYYY-MM-DD */
              openDate: string | null;
              /** @enum {string|null} */
              riskLevel: 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | null;
              /** @description YYYY-MM-DD */
              riskAssessedOn: string | null;
              riskExpired: boolean;
              tags: string[];
              /** @enum {string} */
              tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
              /**
               * @description the tier the customer is near (80–100% of its floor)
               * @enum {string|null}
               */
              band: 'premium' | 'affluent' | 'wealth' | 'private' | null;
              /** @description CNY, decimal with 2 decimals */
              aum: string;
              /** @description CNY, decimal with 2 decimals */
              monthAvgAum: string;
              /** @description YYYY-MM-DD */
              aumAsOf: string | null;
              /** @description YYYY-MM-DD */
              tierSince: string | null;
              /** @description every asset class, in ASSET_CLASSES order */
              holdingsByClass: {
                /** @enum {string} */
                assetClass: 'cash' | 'fixed_income' | 'equity' | 'alternative' | 'protection';
                /** @description CNY, decimal with 2 decimals */
                amount: string;
                sharePct: number;
              }[];
              holdings: {
                accountId: string;
                productId: string;
                productName: string;
                /** @enum {string} */
                category:
                  'demand_deposit' | 'time_deposit' | 'wealth' | 'fund' | 'insurance' | 'gold' | 'bond' | 'trust';
                /** @enum {string} */
                assetClass: 'cash' | 'fixed_income' | 'equity' | 'alternative' | 'protection';
                /** @enum {string} */
                riskRating: 'R1' | 'R2' | 'R3' | 'R4' | 'R5';
                /** @description CNY, decimal with 2 decimals */
                balance: string;
                /** @description YYYY-MM-DD */
                maturityDate: string | null;
              }[];
              /** @description closed months from the opening month, then the month so far (average to date, latest AUM) */
              aumHistory: {
                /** @description YYYY-MM-DD */
                month: string;
                /** @description CNY, decimal with 2 decimals */
                avgAum: string;
                /** @description CNY, decimal with 2 decimals */
                endAum: string;
              }[];
              rm: {
                staffId: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'rm'
                  | 'wealth_rm'
                  | 'private_advisor'
                  | 'lobby_manager'
                  | 'outlet_head'
                  | 'sub_branch_manager'
                  | 'branch_manager'
                  | 'head_office'
                  | 'admin';
                orgId: string;
                orgName: string;
                /** @description YYYY-MM-DD */
                since: string;
              } | null;
              rmHistory: {
                staffId: string;
                name: string;
                /** @description YYYY-MM-DD */
                startedOn: string;
                /** @description YYYY-MM-DD */
                endedOn: string | null;
                endReason: string | null;
              }[];
              contacts: {
                contactId: string;
                staffId: string;
                staffName: string;
                /** @enum {string} */
                channel: 'phone' | 'visit' | 'wechat' | 'sms' | 'video' | 'event';
                startedAt: string;
                durationSeconds: number | null;
                connected: boolean | null;
                outcome: string | null;
                /** @description what the contact covered: intro, maturity, new_product, add_wechat, appointment or other words */
                topics: string[];
                valid: boolean;
              }[];
              tierHistory: {
                /** @description YYYY-MM-DD */
                changedOn: string;
                /** @enum {string|null} */
                fromTier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private' | null;
                /** @enum {string} */
                toTier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                /** @description initial, upgrade, downgrade from the nightly batch, or another recorded reason */
                reason: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{customerId}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Full name, phone and ID number for the owning RM, with a reason (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          customerId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              name: string;
              phone: string | null;
              idNumber: string | null;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org/tree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s org subtree with customer, coverage, AUM and staff counts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              nodes: {
                orgId: string;
                parentId: string | null;
                /** @enum {string} */
                level: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
                name: string;
                customers: number;
                eligible: number;
                managed: number;
                coveragePct: number | null;
                /** @description CNY, decimal with 2 decimals */
                aum: string;
                staff: number;
                rms: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active staff in the caller’s scope (RMs see only themselves) */
    get: {
      parameters: {
        query?: {
          orgId?: string;
          role?:
            | 'rm'
            | 'wealth_rm'
            | 'private_advisor'
            | 'lobby_manager'
            | 'outlet_head'
            | 'sub_branch_manager'
            | 'branch_manager'
            | 'head_office'
            | 'admin';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                staffId: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'rm'
                  | 'wealth_rm'
                  | 'private_advisor'
                  | 'lobby_manager'
                  | 'outlet_head'
                  | 'sub_branch_manager'
                  | 'branch_manager'
                  | 'head_office'
                  | 'admin';
                orgId: string;
                orgName: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ingest/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload contract files (multipart, one part per file) and import them in the background
     * @description Each part keeps its file name (`<kind>.csv` or `<kind>_YYYYMMDD.csv`); any other name refuses the upload (400, details.reason `bad_file_name`). 409 while another import or batch runs.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'import' | 'batch';
              /** @enum {string} */
              status: 'running' | 'succeeded' | 'failed';
              /** @description `upload`, the file being imported, or `<date> <step>` */
              phase: string | null;
              /** @description import: bytes read so far; batch: steps finished */
              done: number;
              /** @description import: bytes uploaded; batch: steps planned */
              total: number;
              /** @description ISO 8601 */
              startedAt: string;
              finishedAt: string | null;
              startedBy: string;
              message: string | null;
              files: {
                file: string;
                /** @enum {string} */
                kind:
                  | 'org'
                  | 'staff'
                  | 'products'
                  | 'customers'
                  | 'relationships'
                  | 'holdings'
                  | 'transactions'
                  | 'contacts'
                  | 'complaints';
                businessDate: string | null;
                /** @enum {string} */
                status: 'loaded' | 'unchanged' | 'failed';
                read: number;
                loaded: number;
                rejected: number;
                message: string | null;
                topReasons: {
                  column: string;
                  reason: string;
                  count: number;
                  value?: string;
                  cause?: string;
                }[];
                importFileId: number | null;
                rejectsAvailable: boolean;
              }[];
              /** @description names that are not contract files */
              skipped: string[];
              dates: string[];
              steps: {
                date: string;
                name: string;
                rows: number | null;
                ms: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ingest/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the nightly batch in the background (as `guanhu batch run [--date]`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description YYYY-MM-DD: that date and every processed date after it; absent: every loaded unprocessed date */
            date?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'import' | 'batch';
              /** @enum {string} */
              status: 'running' | 'succeeded' | 'failed';
              /** @description `upload`, the file being imported, or `<date> <step>` */
              phase: string | null;
              /** @description import: bytes read so far; batch: steps finished */
              done: number;
              /** @description import: bytes uploaded; batch: steps planned */
              total: number;
              /** @description ISO 8601 */
              startedAt: string;
              finishedAt: string | null;
              startedBy: string;
              message: string | null;
              files: {
                file: string;
                /** @enum {string} */
                kind:
                  | 'org'
                  | 'staff'
                  | 'products'
                  | 'customers'
                  | 'relationships'
                  | 'holdings'
                  | 'transactions'
                  | 'contacts'
                  | 'complaints';
                businessDate: string | null;
                /** @enum {string} */
                status: 'loaded' | 'unchanged' | 'failed';
                read: number;
                loaded: number;
                rejected: number;
                message: string | null;
                topReasons: {
                  column: string;
                  reason: string;
                  count: number;
                  value?: string;
                  cause?: string;
                }[];
                importFileId: number | null;
                rejectsAvailable: boolean;
              }[];
              /** @description names that are not contract files */
              skipped: string[];
              dates: string[];
              steps: {
                date: string;
                name: string;
                rows: number | null;
                ms: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ingest/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Imports and batch runs started from the web since the server started, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                kind: 'import' | 'batch';
                /** @enum {string} */
                status: 'running' | 'succeeded' | 'failed';
                /** @description `upload`, the file being imported, or `<date> <step>` */
                phase: string | null;
                /** @description import: bytes read so far; batch: steps finished */
                done: number;
                /** @description import: bytes uploaded; batch: steps planned */
                total: number;
                /** @description ISO 8601 */
                startedAt: string;
                finishedAt: string | null;
                startedBy: string;
                message: string | null;
                files: {
                  file: string;
                  /** @enum {string} */
                  kind:
                    | 'org'
                    | 'staff'
                    | 'products'
                    | 'customers'
                    | 'relationships'
                    | 'holdings'
                    | 'transactions'
                    | 'contacts'
                    | 'complaints';
                  businessDate: string | null;
                  /** @enum {string} */
                  status: 'loaded' | 'unchanged' | 'failed';
                  read: number;
                  loaded: number;
                  rejected: number;
                  message: string | null;
                  topReasons: {
                    column: string;
                    reason: string;
                    count: number;
                    value?: string;
                    cause?: string;
                  }[];
                  importFileId: number | null;
                  rejectsAvailable: boolean;
                }[];
                /** @description names that are not contract files */
                skipped: string[];
                dates: string[];
                steps: {
                  date: string;
                  name: string;
                  rows: number | null;
                  ms: number | null;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ingest/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One job: its phase, progress and results so far */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind: 'import' | 'batch';
              /** @enum {string} */
              status: 'running' | 'succeeded' | 'failed';
              /** @description `upload`, the file being imported, or `<date> <step>` */
              phase: string | null;
              /** @description import: bytes read so far; batch: steps finished */
              done: number;
              /** @description import: bytes uploaded; batch: steps planned */
              total: number;
              /** @description ISO 8601 */
              startedAt: string;
              finishedAt: string | null;
              startedBy: string;
              message: string | null;
              files: {
                file: string;
                /** @enum {string} */
                kind:
                  | 'org'
                  | 'staff'
                  | 'products'
                  | 'customers'
                  | 'relationships'
                  | 'holdings'
                  | 'transactions'
                  | 'contacts'
                  | 'complaints';
                businessDate: string | null;
                /** @enum {string} */
                status: 'loaded' | 'unchanged' | 'failed';
                read: number;
                loaded: number;
                rejected: number;
                message: string | null;
                topReasons: {
                  column: string;
                  reason: string;
                  count: number;
                  value?: string;
                  cause?: string;
                }[];
                importFileId: number | null;
                rejectsAvailable: boolean;
              }[];
              /** @description names that are not contract files */
              skipped: string[];
              dates: string[];
              steps: {
                date: string;
                name: string;
                rows: number | null;
                ms: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ingest/files/{id}/rejects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An imported file's rejected rows (CSV: file, line, column, value, reason) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the rejects CSV */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tiers/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tier dashboard of an org node (default: the caller’s) on a business date; org roles only */
    get: {
      parameters: {
        query?: {
          orgId?: string;
          date?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                orgId: string;
                name: string;
                /** @enum {string} */
                level: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
              };
              breadcrumb: {
                orgId: string;
                name: string;
                /** @enum {string} */
                level: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
              }[];
              date: string;
              /**
               * @description daily: org_tier_daily; live: computed from current customer state
               * @enum {string}
               */
              source: 'daily' | 'live';
              /** @description business dates with figures, newest first */
              dates: string[];
              totals: {
                customers: number;
                /** @description CNY, decimal with 2 decimals */
                aum: string;
                nearThreshold: number;
              };
              moves: {
                day: {
                  upgrades: number;
                  downgrades: number;
                };
                month: {
                  upgrades: number;
                  downgrades: number;
                };
              };
              tiers: {
                /** @enum {string} */
                tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                customers: number;
                /** @description CNY, decimal with 2 decimals */
                aum: string;
                /** @description customers of this tier in the band of the next tier */
                nearThreshold: number;
                /** @enum {string|null} */
                nearBand: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private' | null;
                upgradesDay: number;
                downgradesDay: number;
                upgradesMonth: number;
                downgradesMonth: number;
              }[];
              trend: {
                date: string;
                customers: {
                  mass: number;
                  premium: number;
                  affluent: number;
                  wealth: number;
                  private: number;
                };
              }[];
              children: {
                orgId: string;
                name: string;
                /** @enum {string} */
                level: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
                customers: number;
                /** @description CNY, decimal with 2 decimals */
                aum: string;
                nearThreshold: number;
                tiers: {
                  mass: number;
                  premium: number;
                  affluent: number;
                  wealth: number;
                  private: number;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tiers/near-threshold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Near-threshold (临界) customers of a band in the caller’s scope, smallest gap first (names masked) */
    get: {
      parameters: {
        query: {
          /** @description the tier the customers are near: premium 40–50k, affluent 160–200k … */
          band: 'premium' | 'affluent' | 'wealth' | 'private';
          orgId?: string;
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description the tier the customers are near: premium 40–50k, affluent 160–200k …
               * @enum {string}
               */
              band: 'premium' | 'affluent' | 'wealth' | 'private';
              /** @description CNY, decimal with 2 decimals */
              floor: string;
              asOf: string | null;
              items: {
                customerId: string;
                /** @description masked */
                name: string;
                /** @enum {string} */
                tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                /** @description CNY, decimal with 2 decimals */
                monthAvgAum: string;
                /** @description CNY, decimal with 2 decimals */
                floor: string;
                /** @description floor − month average */
                gap: string;
                rmId: string | null;
                rmName: string | null;
                orgId: string;
                orgName: string;
              }[];
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tiers/near-threshold/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The whole near-threshold list as an .xlsx sheet (audited) */
    get: {
      parameters: {
        query: {
          /** @description the tier the customers are near: premium 40–50k, affluent 160–200k … */
          band: 'premium' | 'affluent' | 'wealth' | 'private';
          orgId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the .xlsx file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settings/tiers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tier floors (yuan), near-threshold band, downgrade months and basis in force */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              floors: {
                /** @description CNY, decimal with 2 decimals */
                premium: string;
                /** @description CNY, decimal with 2 decimals */
                affluent: string;
                /** @description CNY, decimal with 2 decimals */
                wealth: string;
                /** @description CNY, decimal with 2 decimals */
                private: string;
              };
              bandLowPct: number;
              downgradeMonths: number;
              /** @enum {string} */
              basis: 'month_avg' | 'period_end';
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    /** Save tier settings as a new version (head office and admin; audited; applies from the next batch); 409 when the version read is no longer current */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the version these settings were read at; refused with 409 when another has been saved since */
            version: number;
            floors: {
              premium: string;
              affluent: string;
              wealth: string;
              private: string;
            };
            bandLowPct: number;
            downgradeMonths: number;
            /** @enum {string} */
            basis: 'month_avg' | 'period_end';
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: number;
              floors: {
                /** @description CNY, decimal with 2 decimals */
                premium: string;
                /** @description CNY, decimal with 2 decimals */
                affluent: string;
                /** @description CNY, decimal with 2 decimals */
                wealth: string;
                /** @description CNY, decimal with 2 decimals */
                private: string;
              };
              bandLowPct: number;
              downgradeMonths: number;
              /** @enum {string} */
              basis: 'month_avg' | 'period_end';
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              code: 'CONFLICT';
              message: string;
              details: {
                /** @description the version now in force: reload it */
                currentVersion: number;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settings/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of the bank settings, newest first, with who, when, the note and the changes */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                version: number;
                /** @description ISO 8601, +08:00 */
                createdAt: string;
                /** @description who saved it; null for the defaults and the command line */
                by: {
                  userId: number;
                  username: string;
                  staffId: string | null;
                  name: string | null;
                } | null;
                note: string | null;
                previousVersion: number | null;
                /** @description what differs from the previous version; empty for the first */
                changes: {
                  /** @description dotted path of the field, e.g. tiers.floorsFen.premium (money in fen) */
                  path: string;
                  /** @description absent when the field is new in this version */
                  before?: unknown;
                  /** @description absent when the field is gone in this version */
                  after?: unknown;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Files the importer looked at, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                runId: string;
                fileName: string;
                /** @enum {string} */
                kind:
                  | 'org'
                  | 'staff'
                  | 'products'
                  | 'customers'
                  | 'relationships'
                  | 'holdings'
                  | 'transactions'
                  | 'contacts'
                  | 'complaints';
                /** @description YYYY-MM-DD */
                businessDate: string | null;
                /** @description first 12 hex digits of the sha256 */
                checksum: string;
                encoding: string;
                rowsRead: number;
                rowsLoaded: number;
                rowsRejected: number;
                durationMs: number;
                /** @enum {string} */
                status: 'loaded' | 'unchanged' | 'failed';
                message: string | null;
                /** @description the top three reject reasons with counts */
                topReasons: {
                  column: string;
                  reason: string;
                  count: number;
                  /** @description the referenced id, when its own row was rejected earlier in the import */
                  value?: string;
                  /** @description that earlier rejection: file, line, column and reason */
                  cause?: string;
                }[];
                /** @description a rejects file to download: GET /api/ingest/files/{id}/rejects */
                rejectsAvailable: boolean;
                /** @description ISO 8601, +08:00 */
                createdAt: string;
              }[];
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/batch-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nightly batch runs with their steps, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                runId: string;
                /** @description YYYY-MM-DD */
                businessDate: string;
                /** @enum {string} */
                status: 'running' | 'succeeded' | 'failed';
                /** @description ISO 8601, +08:00 */
                startedAt: string;
                /** @description ISO 8601, +08:00 */
                finishedAt: string | null;
                settingsVersion: number | null;
                /** @description a partial run (`batch run --only`): the step it started from */
                onlyStep: string | null;
                steps: {
                  name: string;
                  rows: number | null;
                  ms: number | null;
                  /** @description what the step did, in English */
                  detail: string | null;
                  /** @description the same as a code the UI translates (batch.detail.<code>) */
                  detailCode: string | null;
                  detailParams: {
                    [key: string]: string | number | boolean;
                  } | null;
                }[];
                message: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a notice to active staff of my org subtree (outlet head and above; audited); 404 for a target outside it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            title: string;
            body: string;
            /** @description send to active staff of this org subtree (default: my own org) */
            orgId?: string;
            /** @description only these roles */
            roles?: (
              | 'rm'
              | 'wealth_rm'
              | 'private_advisor'
              | 'lobby_manager'
              | 'outlet_head'
              | 'sub_branch_manager'
              | 'branch_manager'
              | 'head_office'
              | 'admin'
            )[];
            /** @description or: exactly these staff (not with orgId/roles) */
            staffIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              noticeId: string;
              recipients: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Coverage (有管户覆盖率) of an org node on a processed date: figures, children, trend; org roles only */
    get: {
      parameters: {
        query?: {
          orgId?: string;
          date?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              org: {
                orgId: string;
                name: string;
                /** @enum {string} */
                level: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
              };
              breadcrumb: {
                orgId: string;
                name: string;
                /** @enum {string} */
                level: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
              }[];
              date: string;
              /** @description processed dates with figures, newest first */
              dates: string[];
              totals: {
                /** @description customers at or above managedFromTier */
                eligible: number;
                /** @description state managed */
                managed: number;
                idle: number;
                unmanaged: number;
                orphaned: number;
                wrongRole: number;
                /** @description below managedFromTier, held by an RM */
                release: number;
                overCapRms: number;
                /** @description (managed + idle) / eligible (有管户覆盖率) */
                coverageRate: number | null;
                /** @description idle / (managed + idle) */
                idleRate: number | null;
              };
              children: {
                orgId: string;
                name: string;
                /** @enum {string} */
                level: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
                /** @description customers at or above managedFromTier */
                eligible: number;
                /** @description state managed */
                managed: number;
                idle: number;
                unmanaged: number;
                orphaned: number;
                wrongRole: number;
                /** @description below managedFromTier, held by an RM */
                release: number;
                overCapRms: number;
                /** @description (managed + idle) / eligible (有管户覆盖率) */
                coverageRate: number | null;
                /** @description idle / (managed + idle) */
                idleRate: number | null;
              }[];
              trend: {
                date: string;
                eligible: number;
                managed: number;
                idle: number;
                /** @description a ratio in [0, 1]; null when its denominator is 0 */
                coverageRate: number | null;
                /** @description a ratio in [0, 1]; null when its denominator is 0 */
                idleRate: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/over-cap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** RMs whose book exceeds their role’s capacity, largest excess first (an RM: only themselves) */
    get: {
      parameters: {
        query?: {
          orgId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              asOf: string | null;
              items: {
                staffId: string;
                name: string;
                /** @enum {string} */
                role:
                  | 'rm'
                  | 'wealth_rm'
                  | 'private_advisor'
                  | 'lobby_manager'
                  | 'outlet_head'
                  | 'sub_branch_manager'
                  | 'branch_manager'
                  | 'head_office'
                  | 'admin';
                orgId: string;
                orgName: string;
                /** @description open book: eligible + release customers */
                load: number;
                cap: number;
                excess: number;
                idle: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/over-cap/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The over-cap list as an .xlsx sheet (audited); managers only */
    get: {
      parameters: {
        query?: {
          orgId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the .xlsx file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customers below the managed-from tier held by an RM (管户资产过低), names masked, with a suggested action */
    get: {
      parameters: {
        query?: {
          orgId?: string;
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              asOf: string | null;
              items: {
                customerId: string;
                /** @description masked */
                name: string;
                /** @enum {string} */
                tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                /** @enum {string|null} */
                band: 'premium' | 'affluent' | 'wealth' | 'private' | null;
                /** @description CNY, decimal with 2 decimals */
                monthAvgAum: string;
                rmId: string;
                rmName: string;
                orgId: string;
                orgName: string;
                since: string | null;
                lastValidContactOn: string | null;
                /** @enum {string} */
                action: 'release_to_pool' | 'keep_near_threshold';
              }[];
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/release/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The whole release list as an .xlsx sheet (masked, audited, row-limited); managers only */
    get: {
      parameters: {
        query?: {
          orgId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the .xlsx file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': unknown;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/rms/{staffId}/book': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An RM’s book against capacity: load, cap, customers per stewardship state (an RM: only their own) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          staffId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              staffId: string;
              name: string;
              /** @enum {string} */
              role:
                | 'rm'
                | 'wealth_rm'
                | 'private_advisor'
                | 'lobby_manager'
                | 'outlet_head'
                | 'sub_branch_manager'
                | 'branch_manager'
                | 'head_office'
                | 'admin';
              orgId: string;
              orgName: string;
              asOf: string | null;
              /** @description open book: eligible + release customers */
              load: number;
              /** @description capacity of the role; null for a role that owns no book */
              cap: number | null;
              excess: number;
              states: {
                managed: number;
                unmanaged: number;
                orphaned: number;
                wrong_role: number;
                idle: number;
                release: number;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Plan a reassignment batch for an org subtree (customers needing an RM get an optimal proposal); applies at once under an auto_apply policy */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description business date YYYY-MM-DD */
            date?: string;
            /** @description the org subtree to plan for (default: my own node) */
            orgId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              batchId: string;
              /** @enum {string} */
              kind: 'plan' | 'transfer';
              orgId: string;
              asOfDate: string;
              fromStaffId: string | null;
              settingsVersion: number;
              /** @enum {string} */
              policy: 'approval' | 'auto_apply';
              /** @enum {string} */
              status: 'pending' | 'applied' | 'rejected' | 'empty';
              proposals: {
                customerId: string;
                fromStaffId: string | null;
                toStaffId: string;
                /** @description unmanaged | orphaned | wrong_role | idle | transfer */
                reason: string;
                /** @enum {string} */
                locality: 'outlet' | 'sub_branch' | 'branch';
                explanation: {
                  code: string;
                  params?: {
                    [key: string]: string | number;
                  };
                }[];
              }[];
              unassigned: {
                customerId: string;
                /** @enum {string} */
                reason: 'no_allowed_rm_in_branch' | 'no_capacity_in_branch' | 'capacity_short';
              }[];
              objective: {
                covered: number;
                aumFen: string;
                locality: {
                  outlet: number;
                  sub_branch: number;
                  branch: number;
                };
                maxUtilisation: number;
                meanScore: number | null;
              };
              /** @description proposals applied at once (auto_apply policy) */
              applied: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              code: 'CONFLICT';
              message: string;
              details:
                | {
                    /** @enum {string} */
                    reason: 'stale';
                    customers: {
                      customerId: string;
                      changed: string[];
                    }[];
                  }
                | {
                    /** @enum {string} */
                    reason: 'capacity';
                    staff: {
                      staffId: string;
                      load: number;
                      cap: number;
                      customers: string[];
                    }[];
                  };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Plan the transfer of a leaving RM’s book through the same solver (the RM is excluded) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the leaving RM */
            fromStaffId: string;
            /** @description business date YYYY-MM-DD */
            date?: string;
            /** @description only their customers homed in this subtree */
            orgId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              batchId: string;
              /** @enum {string} */
              kind: 'plan' | 'transfer';
              orgId: string;
              asOfDate: string;
              fromStaffId: string | null;
              settingsVersion: number;
              /** @enum {string} */
              policy: 'approval' | 'auto_apply';
              /** @enum {string} */
              status: 'pending' | 'applied' | 'rejected' | 'empty';
              proposals: {
                customerId: string;
                fromStaffId: string | null;
                toStaffId: string;
                /** @description unmanaged | orphaned | wrong_role | idle | transfer */
                reason: string;
                /** @enum {string} */
                locality: 'outlet' | 'sub_branch' | 'branch';
                explanation: {
                  code: string;
                  params?: {
                    [key: string]: string | number;
                  };
                }[];
              }[];
              unassigned: {
                customerId: string;
                /** @enum {string} */
                reason: 'no_allowed_rm_in_branch' | 'no_capacity_in_branch' | 'capacity_short';
              }[];
              objective: {
                covered: number;
                aumFen: string;
                locality: {
                  outlet: number;
                  sub_branch: number;
                  branch: number;
                };
                maxUtilisation: number;
                meanScore: number | null;
              };
              /** @description proposals applied at once (auto_apply policy) */
              applied: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              code: 'CONFLICT';
              message: string;
              details:
                | {
                    /** @enum {string} */
                    reason: 'stale';
                    customers: {
                      customerId: string;
                      changed: string[];
                    }[];
                  }
                | {
                    /** @enum {string} */
                    reason: 'capacity';
                    staff: {
                      staffId: string;
                      load: number;
                      cap: number;
                      customers: string[];
                    }[];
                  };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reassignment batches covering my subtree, newest first */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'applied' | 'rejected' | 'empty';
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              total: number;
              page: number;
              pageSize: number;
              rows: {
                batchId: string;
                /** @enum {string} */
                kind: 'plan' | 'transfer';
                orgId: string;
                asOfDate: string;
                fromStaffId: string | null;
                /** @enum {string} */
                status: 'pending' | 'applied' | 'rejected' | 'empty';
                createdBy: string;
                createdAt: string;
                settingsVersion: number;
                objective: {
                  covered: number;
                  aumFen: string;
                  locality: {
                    outlet: number;
                    sub_branch: number;
                    branch: number;
                  };
                  maxUtilisation: number;
                  meanScore: number | null;
                };
                counts: {
                  [key: string]: number;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/batches/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One batch: its proposals (paged) and unassigned customers of my subtree, names masked */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'approved' | 'rejected' | 'applied' | 'stale';
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              batch: {
                batchId: string;
                /** @enum {string} */
                kind: 'plan' | 'transfer';
                orgId: string;
                asOfDate: string;
                fromStaffId: string | null;
                /** @enum {string} */
                status: 'pending' | 'applied' | 'rejected' | 'empty';
                createdBy: string;
                createdAt: string;
                settingsVersion: number;
                objective: {
                  covered: number;
                  aumFen: string;
                  locality: {
                    outlet: number;
                    sub_branch: number;
                    branch: number;
                  };
                  maxUtilisation: number;
                  meanScore: number | null;
                };
                counts: {
                  [key: string]: number;
                };
              };
              proposals: {
                total: number;
                page: number;
                pageSize: number;
                rows: {
                  customerId: string;
                  /** @description masked */
                  name: string;
                  /** @enum {string} */
                  tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                  homeOrgId: string;
                  fromStaffId: string | null;
                  fromStaffName: string | null;
                  toStaffId: string;
                  toStaffName: string;
                  /** @description unmanaged | orphaned | wrong_role | idle | transfer */
                  reason: string;
                  /** @enum {string} */
                  locality: 'outlet' | 'sub_branch' | 'branch';
                  explanation: {
                    code: string;
                    params?: {
                      [key: string]: string | number;
                    };
                  }[];
                  /** @enum {string} */
                  status: 'pending' | 'approved' | 'rejected' | 'applied' | 'stale';
                  decidedBy: string | null;
                  decidedAt: string | null;
                  rejectReason: string | null;
                }[];
              };
              /** @description the first 1000 of my subtree */
              unassigned: {
                customerId: string;
                /** @description masked */
                name: string;
                /** @enum {string} */
                tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                /** @enum {string} */
                reason: 'no_allowed_rm_in_branch' | 'no_capacity_in_branch' | 'capacity_short';
              }[];
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/batches/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve pending proposals (chosen, or all of my subtree) and apply them in one transaction; 409 when stale (details name the customers, marked stale) or when an RM would pass their cap */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description default: every pending proposal of my subtree */
            customerIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              batchId: string;
              /** @enum {string} */
              status: 'pending' | 'applied' | 'rejected' | 'empty';
              approved: number;
              /** @description 0 when nothing was left to apply */
              applied: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              code: 'CONFLICT';
              message: string;
              details:
                | {
                    /** @enum {string} */
                    reason: 'stale';
                    customers: {
                      customerId: string;
                      changed: string[];
                    }[];
                  }
                | {
                    /** @enum {string} */
                    reason: 'capacity';
                    staff: {
                      staffId: string;
                      load: number;
                      cap: number;
                      customers: string[];
                    }[];
                  };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/batches/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject pending proposals (chosen, or all of my subtree) with a reason; rejected ones never apply */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description default: every pending proposal of my subtree */
            customerIds?: string[];
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              batchId: string;
              /** @enum {string} */
              status: 'pending' | 'applied' | 'rejected' | 'empty';
              rejected: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/batches/{id}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply the batch (as `guanhu assign apply`): undecided proposals of my subtree are approved by me; applying twice changes nothing */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              batchId: string;
              /** @enum {string} */
              status: 'pending' | 'applied' | 'rejected' | 'empty';
              approved: number;
              /** @description 0 when nothing was left to apply */
              applied: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              code: 'CONFLICT';
              message: string;
              details:
                | {
                    /** @enum {string} */
                    reason: 'stale';
                    customers: {
                      customerId: string;
                      changed: string[];
                    }[];
                  }
                | {
                    /** @enum {string} */
                    reason: 'capacity';
                    staff: {
                      staffId: string;
                      load: number;
                      cap: number;
                      customers: string[];
                    }[];
                  };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/batches/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The batch’s proposals of my subtree as CSV: customer_id,from_staff_id,to_staff_id,reason (audited) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stewardship/policies/{orgId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The reassignment policy in force for an org node (its own or inherited; default approval) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orgId: string;
              /** @enum {string} */
              mode: 'approval' | 'auto_apply';
              /** @description the ancestor whose policy applies; null: its own, or the default */
              inheritedFrom: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    /** Set an org node’s reassignment policy: approval or auto_apply (head office and admin; audited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orgId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            mode: 'approval' | 'auto_apply';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orgId: string;
              /** @enum {string} */
              mode: 'approval' | 'auto_apply';
              /** @description the ancestor whose policy applies; null: its own, or the default */
              inheritedFrom: string | null;
              updatedBy: string | null;
              updatedAt: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My notifications, newest first, paged; `unread=true` lists only unread ones */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          unread?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: (
                | {
                    /** @description increasing per recipient; resume after it */
                    id: number;
                    /** Format: date-time */
                    createdAt: string;
                    /**
                     * Format: date-time
                     * @description when the recipient marked it read
                     */
                    readAt: string | null;
                    /**
                     * Format: date-time
                     * @description when a connected client of the recipient confirmed receipt
                     */
                    acknowledgedAt: string | null;
                    /** @enum {string} */
                    type: 'notifications.notice';
                    payload: {
                      /** Format: uuid */
                      noticeId: string;
                      title: string;
                      body: string;
                      from: {
                        staffId: string;
                        name: string;
                        /** @enum {string} */
                        role:
                          | 'rm'
                          | 'wealth_rm'
                          | 'private_advisor'
                          | 'lobby_manager'
                          | 'outlet_head'
                          | 'sub_branch_manager'
                          | 'branch_manager'
                          | 'head_office'
                          | 'admin';
                        orgId: string;
                        orgName: string;
                      };
                      to: {
                        orgId: string;
                        orgName: string;
                      } | null;
                    };
                  }
                | {
                    /** @description increasing per recipient; resume after it */
                    id: number;
                    /** Format: date-time */
                    createdAt: string;
                    /**
                     * Format: date-time
                     * @description when the recipient marked it read
                     */
                    readAt: string | null;
                    /**
                     * Format: date-time
                     * @description when a connected client of the recipient confirmed receipt
                     */
                    acknowledgedAt: string | null;
                    /** @enum {string} */
                    type: 'stewardship.assigned';
                    payload: {
                      batchId: string;
                      count: number;
                      customers: {
                        customerId: string;
                        name: string;
                        /** @enum {string} */
                        tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                        reason: string;
                        fromStaffId: string | null;
                      }[];
                    };
                  }
                | {
                    /** @description increasing per recipient; resume after it */
                    id: number;
                    /** Format: date-time */
                    createdAt: string;
                    /**
                     * Format: date-time
                     * @description when the recipient marked it read
                     */
                    readAt: string | null;
                    /**
                     * Format: date-time
                     * @description when a connected client of the recipient confirmed receipt
                     */
                    acknowledgedAt: string | null;
                    /** @enum {string} */
                    type: 'stewardship.released';
                    payload: {
                      batchId: string;
                      count: number;
                      customers: {
                        customerId: string;
                        name: string;
                        /** @enum {string} */
                        tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                        reason: string;
                        toStaffId: string;
                      }[];
                    };
                  }
              )[];
              total: number;
              /** @description all my unread notifications, whatever the filter */
              unread: number;
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many of my notifications are unread, and my latest notification id */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              unread: number;
              lastId: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of my notifications read (again is harmless); 404 when it is not mine */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  /** @description increasing per recipient; resume after it */
                  id: number;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: date-time
                   * @description when the recipient marked it read
                   */
                  readAt: string | null;
                  /**
                   * Format: date-time
                   * @description when a connected client of the recipient confirmed receipt
                   */
                  acknowledgedAt: string | null;
                  /** @enum {string} */
                  type: 'notifications.notice';
                  payload: {
                    /** Format: uuid */
                    noticeId: string;
                    title: string;
                    body: string;
                    from: {
                      staffId: string;
                      name: string;
                      /** @enum {string} */
                      role:
                        | 'rm'
                        | 'wealth_rm'
                        | 'private_advisor'
                        | 'lobby_manager'
                        | 'outlet_head'
                        | 'sub_branch_manager'
                        | 'branch_manager'
                        | 'head_office'
                        | 'admin';
                      orgId: string;
                      orgName: string;
                    };
                    to: {
                      orgId: string;
                      orgName: string;
                    } | null;
                  };
                }
              | {
                  /** @description increasing per recipient; resume after it */
                  id: number;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: date-time
                   * @description when the recipient marked it read
                   */
                  readAt: string | null;
                  /**
                   * Format: date-time
                   * @description when a connected client of the recipient confirmed receipt
                   */
                  acknowledgedAt: string | null;
                  /** @enum {string} */
                  type: 'stewardship.assigned';
                  payload: {
                    batchId: string;
                    count: number;
                    customers: {
                      customerId: string;
                      name: string;
                      /** @enum {string} */
                      tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                      reason: string;
                      fromStaffId: string | null;
                    }[];
                  };
                }
              | {
                  /** @description increasing per recipient; resume after it */
                  id: number;
                  /** Format: date-time */
                  createdAt: string;
                  /**
                   * Format: date-time
                   * @description when the recipient marked it read
                   */
                  readAt: string | null;
                  /**
                   * Format: date-time
                   * @description when a connected client of the recipient confirmed receipt
                   */
                  acknowledgedAt: string | null;
                  /** @enum {string} */
                  type: 'stewardship.released';
                  payload: {
                    batchId: string;
                    count: number;
                    customers: {
                      customerId: string;
                      name: string;
                      /** @enum {string} */
                      tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                      reason: string;
                      toStaffId: string;
                    }[];
                  };
                };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all my unread notifications read, up to `upTo` (the newest id I have seen) when given */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description increasing per recipient; resume after it */
            upTo?: number;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              updated: number;
              unread: number;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live notifications over a WebSocket, resumable from the last id received
     * @description WebSocket (upgrade with the session cookie, from the server's own origin). After the upgrade the server sends JSON text
     *     messages (the 101 response schema): first `{"type":"hello","lastId","unread","resumeFrom"}`, then
     *     `{"type":"notification","notification":{…}}` for each notification with an id above `resumeFrom`, in id
     *     order, exactly once per connection, then live ones after they commit. Pass `after` = the last id you
     *     received to resume: you get exactly what you missed. The client sends `{"type":"ack","id":N}` to record
     *     receipt (acknowledgedAt) of everything up to N delivered on this connection; not acknowledging delays no
     *     one. Close codes: 4401 session ended, 4008 too far behind (reconnect with your last id), 1001 server stopping.
     */
    get: {
      parameters: {
        query?: {
          /** @description the last notification id this client received */
          after?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description JSON text messages the server sends after the upgrade */
        101: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  /** @enum {string} */
                  type: 'hello';
                  lastId: number;
                  unread: number;
                  resumeFrom: number;
                }
              | {
                  /** @enum {string} */
                  type: 'notification';
                  notification:
                    | {
                        /** @description increasing per recipient; resume after it */
                        id: number;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description when the recipient marked it read
                         */
                        readAt: string | null;
                        /**
                         * Format: date-time
                         * @description when a connected client of the recipient confirmed receipt
                         */
                        acknowledgedAt: string | null;
                        /** @enum {string} */
                        type: 'notifications.notice';
                        payload: {
                          /** Format: uuid */
                          noticeId: string;
                          title: string;
                          body: string;
                          from: {
                            staffId: string;
                            name: string;
                            /** @enum {string} */
                            role:
                              | 'rm'
                              | 'wealth_rm'
                              | 'private_advisor'
                              | 'lobby_manager'
                              | 'outlet_head'
                              | 'sub_branch_manager'
                              | 'branch_manager'
                              | 'head_office'
                              | 'admin';
                            orgId: string;
                            orgName: string;
                          };
                          to: {
                            orgId: string;
                            orgName: string;
                          } | null;
                        };
                      }
                    | {
                        /** @description increasing per recipient; resume after it */
                        id: number;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description when the recipient marked it read
                         */
                        readAt: string | null;
                        /**
                         * Format: date-time
                         * @description when a connected client of the recipient confirmed receipt
                         */
                        acknowledgedAt: string | null;
                        /** @enum {string} */
                        type: 'stewardship.assigned';
                        payload: {
                          batchId: string;
                          count: number;
                          customers: {
                            customerId: string;
                            name: string;
                            /** @enum {string} */
                            tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                            reason: string;
                            fromStaffId: string | null;
                          }[];
                        };
                      }
                    | {
                        /** @description increasing per recipient; resume after it */
                        id: number;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description when the recipient marked it read
                         */
                        readAt: string | null;
                        /**
                         * Format: date-time
                         * @description when a connected client of the recipient confirmed receipt
                         */
                        acknowledgedAt: string | null;
                        /** @enum {string} */
                        type: 'stewardship.released';
                        payload: {
                          batchId: string;
                          count: number;
                          customers: {
                            customerId: string;
                            name: string;
                            /** @enum {string} */
                            tier: 'mass' | 'premium' | 'affluent' | 'wealth' | 'private';
                            reason: string;
                            toStaffId: string;
                          }[];
                        };
                      };
                }
              | {
                  /** @enum {string} */
                  type: 'error';
                  code: string;
                  message: string;
                };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details?: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
